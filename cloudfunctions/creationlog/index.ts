import { creationlogHandlers } from '../app/features/creationlog';
import { cloudbaseMain } from '../entries/cloudbase-main';

/** CloudBase function `creationlog`: 创建工作动态, the 创建日志 and the admins who follow it (issue #13). */
export const main = cloudbaseMain('creationlog', creationlogHandlers);
