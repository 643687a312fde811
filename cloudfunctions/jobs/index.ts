import { JOBS } from '../app/jobs';
import { cloudbaseJobsMain } from '../entries/cloudbase-main';

/** CloudBase function `jobs`: its timer trigger (cloudbaserc.json) runs the reminders. */
export const main = cloudbaseJobsMain(JOBS);
