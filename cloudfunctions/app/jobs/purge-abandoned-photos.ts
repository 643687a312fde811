import type { PhotoUploadDoc } from '../collections/media';
import type { Deps } from '../context';
import { eachDocument } from '../ports/store';
import { ABANDONED_AFTER_MS } from './purge-abandoned-uploads';

/**
 * Deletes the public's photos (evaluation photos, 明察暗访 report photos: common/owned-photos.ts) that no evaluation or
 * report named a day after upload: left in a form never sent, or in one refused. Each is first marked `removing`
 * on the condition that it is still unattached (from then nothing can name it), then its file goes, then its
 * record: a run that stops half-way leaves it marked and unattached, and the next run finishes it. Deleting a file
 * that is already gone is nothing, so runs may overlap or repeat. An attached photo is never touched.
 */
export const purgeAbandonedPhotos = {
  everyMinutes: 60,
  async run(deps: Deps): Promise<void> {
    const { store, files } = deps;
    if (!files) return;
    const uploadedBy = new Date(deps.now().getTime() - ABANDONED_AFTER_MS).toISOString();
    const abandoned = eachDocument<PhotoUploadDoc>(store, 'photoUploads', {
      where: { attached: false, createdAt: { $lte: uploadedBy } },
      orderBy: { fields: ['createdAt'], direction: 'asc' },
    });
    for await (const upload of abandoned) {
      if (!(await store.update('photoUploads', upload.id, { set: { removing: true } }, { attached: false }))) continue;
      const key = files.keyOf(upload.url);
      if (key) await files.remove(key);
      await store.remove('photoUploads', upload.id);
    }
  },
};
