import { managementHandlers } from '../app/features/management';
import { cloudbaseMain } from '../entries/cloudbase-main';

/** CloudBase function `management`: quota progress for the office and level-1 admins (issue #14). */
export const main = cloudbaseMain('management', managementHandlers);
