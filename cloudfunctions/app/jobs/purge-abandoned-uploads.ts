import type { CreationUploadDoc } from '../collections/creationlog';
import type { Deps } from '../context';

/** How long a device has from being given a path to the entry that names what it uploaded there. */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 100;
const PAGES_PER_RUN = 10;

/**
 * Deletes the files of creation-log uploads that no entry names a day after their path was issued: never attached
 * to a saved entry, removed from a draft, in a discarded draft, or refused by the check. An upload is first marked
 * `removing` on the condition that it is still unattached (from then no save can name it), then its files go, then
 * its records: a run that stops half-way leaves it marked and unattached, and the next run finishes it. Deleting
 * a file that is already gone is nothing, so runs may overlap or repeat.
 */
export const purgeAbandonedUploads = {
  everyMinutes: 60,
  async run(deps: Deps): Promise<void> {
    const { store, files } = deps;
    if (!files) return;
    const issuedBy = new Date(deps.now().getTime() - ABANDONED_AFTER_MS).toISOString();
    for (let page = 0; page < PAGES_PER_RUN; page++) {
      const { items } = await store.find<CreationUploadDoc>('creationUploads', {
        where: { attached: false, issuedAt: { $lte: issuedBy } },
        orderBy: { fields: ['issuedAt'], direction: 'asc' },
        limit: PAGE_SIZE,
      });
      for (const upload of items) {
        if (!(await store.update('creationUploads', upload.id, { set: { removing: true } }, { attached: false }))) continue;
        for (const key of upload.keys) await files.remove(key);
        if (upload.kind === 'video') await store.remove('creationVideos', upload.id);
        await store.remove('creationUploads', upload.id);
      }
      if (items.length < PAGE_SIZE) break;
    }
  },
};
