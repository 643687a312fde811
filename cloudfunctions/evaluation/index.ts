import { evaluationHandlers } from '../app/features/evaluation';
import { cloudbaseMain } from '../entries/cloudbase-main';

/** CloudBase function `evaluation`: the 三亮 page and public evaluation (issue #12). */
export const main = cloudbaseMain('evaluation', evaluationHandlers);
