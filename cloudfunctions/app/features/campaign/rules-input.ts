import type { z } from 'zod';
import type { campaignRulesInput } from '../../../../shared/contract/campaign';
import type { CampaignDoc } from '../../collections';

/** The campaign's stored rule fields from the office's form. */
export function rulesFields(rules: z.output<typeof campaignRulesInput>): Pick<CampaignDoc, 'filingOpens' | 'filingCloses' | 'rules'> {
  return {
    filingOpens: rules.filingOpens,
    filingCloses: { before: rules.filingClosesBefore },
    rules: {
      conditions: {
        minMembers: rules.minMembers,
        maxMembers: rules.maxMembers,
        minShareUnder35: rules.minShareUnder35,
        maxLeaderAge: rules.maxLeaderAge,
      },
      eligibility:
        rules.eligibility === 'priorTitle'
          ? { kind: 'priorTitle', titleBefore: rules.titleBefore ?? rules.filingClosesBefore, provincialSinceYear: rules.provincialSinceYear ?? 0 }
          : { kind: 'none' },
      reminderDaysBefore: rules.reminderDaysBefore,
      targetMultiplier: rules.targetMultiplier,
    },
  };
}
