import type { FunctionHandlers } from '../../router';
import { addGuidance } from './add-guidance';
import { approveVideo } from './approve-video';
import { categories, setCategories } from './categories';
import { checkImage } from './check-image';
import { checkVideo } from './check-video';
import { discardDraft } from './discard-draft';
import { draftFromEvent } from './draft-from-event';
import { feed } from './feed';
import { getMine } from './get-mine';
import { imageUploadPath } from './image-upload-path';
import { listMine } from './list-mine';
import { overview } from './overview';
import { readEntry } from './read-entry';
import { saveDraft } from './save-draft';
import { setPublic } from './set-public';
import { silentCollectives } from './silent-collectives';
import { stats } from './stats';
import { submit } from './submit';
import { videoUploadPath } from './video-upload-path';

/** The `creationlog` function: the collective's 创建工作动态 and 创建日志, and the admins who follow it (issue #13). */
export const creationlogHandlers: FunctionHandlers<'creationlog'> = {
  overview,
  listMine,
  getMine,
  saveDraft,
  draftFromEvent,
  discardDraft,
  submit,
  imageUploadPath,
  checkImage,
  videoUploadPath,
  checkVideo,
  setPublic,
  approveVideo,
  feed,
  readEntry,
  addGuidance,
  silentCollectives,
  stats,
  categories,
  setCategories,
};
