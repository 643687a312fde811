import { addDays, chinaDateOf, chinaMidnight } from '../../../shared/domain/filing/window';
import { YUEYANG_2017_2018_RULES } from '../../../shared/domain/filing/rules';

/**
 * The demo campaign's filing window (issue #3): the Yueyang notice's own (from its date 2018-11-13 to
 * before 2019-01-20) while that is still ahead; loaded after it, as any demo is today, the window opens
 * on the notice's date and stays open for 90 days from the day the demo is loaded, so filing can be tried.
 */
export function demoFilingWindow(closesBefore: string, now: Date): { filingOpens: string; filingCloses: { before: string } } {
  const opens = YUEYANG_2017_2018_RULES.window.opens;
  if (now.getTime() < chinaMidnight(closesBefore).getTime()) return { filingOpens: opens, filingCloses: { before: closesBefore } };
  return { filingOpens: opens, filingCloses: { before: addDays(chinaDateOf(now), 90) } };
}
