import { filingHandlers } from '../app/features/filing';
import { cloudbaseMain } from '../entries/cloudbase-main';

/** CloudBase function `filing`: the collective's filing: profile, plan, achievements, submit (issue #3). */
export const main = cloudbaseMain('filing', filingHandlers);
