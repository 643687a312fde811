/**
 * Sizes that the contract and the hosts must agree on. A request body may be larger than any one field
 * allows, so that a file just over its field's limit is refused with that field's message (400 naming it),
 * not by the host's bare size limit (413).
 */

/** The largest quota table file (xlsx or csv), as base64: about 1.5 MB of file. */
export const MAX_QUOTA_FILE_BASE64 = 2_000_000;
/** The largest image (a summary photo, a cover), as base64: about 650 KB of file. */
export const MAX_PHOTO_BASE64 = 900_000;
/**
 * The largest request body the local host reads: twice the largest field, so a file up to about twice
 * the allowed size still gets its field's message.
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
