import type { MediaSuggest } from '../ports/content-security';
import type { IndexSpec } from './index-spec';

/**
 * Images waiting for an asynchronous content-security verdict (WeChat's mediaCheckAsync), by the trace id it will
 * carry; and who uploaded a photo whose key says nothing about them (common/owned-photos.ts).
 */
export const MEDIA_COLLECTIONS = {
  /**
   * One per image sent for checking (id: a hash of the trace id, read by id when the verdict arrives); those still
   * pending oldest first (state, createdAt), for the local host's delivery and an operator's look at what waits.
   */
  mediaChecks: [{ fields: ['state', 'createdAt'] }],
  /**
   * A verdict that found no check (id: a hash of its trace id): it may have overtaken the commit that records the
   * hold, so the `mediaVerdicts` job tries it again, oldest first (receivedAt), until it applies or an hour passed.
   */
  earlyMediaVerdicts: [{ fields: ['receivedAt'] }],
  /**
   * A photo uploaded by a member of the public (id: its file name), read by id to check who may use it; those
   * never attached oldest first (attached, createdAt), for the purge of abandoned photos.
   */
  photoUploads: [{ fields: ['attached', 'createdAt'] }],
} satisfies Record<string, IndexSpec[]>;

/** What a checked image is about: an image of a creation-log entry made 公开, or an evaluation's photo. */
export type MediaCheckSubject = { kind: 'creationEntry'; entryId: string; url: string } | { kind: 'evaluationPhoto'; evaluationId: string; url: string };

/** What settles a check: WeChat's verdict, or none within `MEDIA_CHECK_EXPIRES_AFTER_MS` (jobs/media-verdicts.ts), taken as not passed. */
export type MediaOutcome = MediaSuggest | 'expired';

export interface MediaCheckDoc {
  id: string;
  traceId: string;
  subject: MediaCheckSubject;
  /**
   * pending until its verdict is applied, or until it expired without one; once: a repeated or late push finds it
   * settled and changes nothing.
   */
  state: 'pending' | 'applied' | 'expired';
  /** The verdict applied; null while pending and when it expired. */
  verdict: MediaSuggest | null;
  createdAt: string;
  appliedAt: string | null;
}

/** Who uploaded a photo: its file key is random, so the uploader is kept here, never in a key or a view. */
export interface PhotoUploadDoc {
  /** The file name without its extension (32 hex digits). */
  id: string;
  /** The folder it was uploaded for (what it may be used for). */
  folder: string;
  /** Whoever uploaded it (a visitor id, or a supervisor's appointment): read only to check a later use of the photo. */
  owner: string;
  url: string;
  createdAt: string;
  /**
   * Whether an evaluation or report has named it (never unset: a replaced evaluation's photo is kept); one still
   * unattached a day after upload is deleted (jobs/purge-abandoned-photos.ts), `removing` from the moment it is
   * marked for that, after which nothing may name it. Absent on photos uploaded before the purge existed: kept.
   */
  attached?: boolean;
  removing?: boolean;
}

/** A verdict kept because no check had its trace id yet (media-verdicts/receive.ts). */
export interface EarlyMediaVerdictDoc {
  id: string;
  traceId: string;
  suggest: MediaSuggest;
  receivedAt: string;
}
