import { cloudbaseMediaCheckMain } from '../entries/cloudbase-main';

/** CloudBase function `mediacheck`: receives WeChat's asynchronous image verdicts (消息推送, event wxa_media_check). */
export const main = cloudbaseMediaCheckMain();
