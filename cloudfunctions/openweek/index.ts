import { openweekHandlers } from '../app/features/openweek';
import { cloudbaseMain } from '../entries/cloudbase-main';

/** CloudBase function `openweek`: open-week events, public signups, check-in (issue #4). */
export const main = cloudbaseMain('openweek', openweekHandlers);
