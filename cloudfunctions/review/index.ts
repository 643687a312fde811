import { reviewHandlers } from '../app/features/review';
import { cloudbaseMain } from '../entries/cloudbase-main';

/** CloudBase function `review`: the review queue, decisions, a collective's lifecycle, exports (issue #3). */
export const main = cloudbaseMain('review', reviewHandlers);
