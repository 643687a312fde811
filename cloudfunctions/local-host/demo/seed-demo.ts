import { z } from 'zod';
import { childPath } from '../../../shared/domain/unit-tree';
import { audit } from '../../app/common/audit';
import type { CampaignDoc, QuotaDoc, UnitDoc } from '../../app/collections';
import type { Deps } from '../../app/context';
import { newAccount } from '../../app/common/new-account';
import { newId } from '../../app/security/random';
import { quotaId } from '../../app/common/campaigns';
import { demoFilingWindow } from './filing-window';
import yueyang from './quotas-yueyang-2017-2018.json';

/** The project's own copy of 附件1 of the Yueyang notice (岳青工委〔2018〕1号). */
const quotaTable = z
  .object({
    campaign: z.string(),
    level: z.literal('city'),
    filingDeadline: z.object({ before: z.string() }),
    rows: z.array(z.object({ kind: z.enum(['industry', 'region']), name: z.string(), quota: z.number().int() })),
  })
  .parse(yueyang);

export const OFFICE_UNIT_NAME = '岳阳市青年职工工作委员会（团市委青年发展部）';

export interface SeededOffice {
  code: string;
  oneTimePassword: string;
}

/**
 * On an empty store: the 2017—2018 Yueyang city campaign with its 12 industry and 13 region units
 * and their quotas, and the campaign office's account with a one-time password.
 */
export async function seedDemo(deps: Deps): Promise<SeededOffice | null> {
  if ((await deps.store.count('units')) > 0) return null;
  const base = deps.now().getTime();
  // Units are listed in creation order; a millisecond apart keeps the table's order.
  const at = (i: number) => new Date(base + i).toISOString();
  const rootId = newId();
  const root: UnitDoc = { id: rootId, name: OFFICE_UNIT_NAME, kind: 'office', level: 0, parentId: null, path: `/${rootId}/`, createdAt: at(0) };
  const campaign: CampaignDoc = {
    id: newId(),
    name: `${quotaTable.campaign}`,
    level: quotaTable.level,
    term: '2017—2018',
    ...demoFilingWindow(quotaTable.filingDeadline.before, deps.now()),
    createdAt: at(0),
  };
  const { account: office, password } = await newAccount(deps, {
    role: 'office',
    level: null,
    name: '团市委青年发展部',
    unitId: root.id,
    unitPath: root.path,
    recoveryEmail: null,
  });
  await deps.store.transaction(async (tx) => {
    await tx.insert('units', root);
    await tx.insert('campaigns', campaign);
    await tx.insert('accounts', office);
    for (const [i, row] of quotaTable.rows.entries()) {
      const id = newId();
      const unit: UnitDoc = { id, name: row.name, kind: row.kind, level: 1, parentId: root.id, path: childPath(root.path, id), createdAt: at(i + 1) };
      const quota: QuotaDoc = { id: quotaId(campaign.id, id), campaignId: campaign.id, unitId: id, places: row.quota, base: null, requiredFilings: null };
      await tx.insert('units', unit);
      await tx.insert('quotas', quota);
    }
    await audit(tx, deps.now(), {
      actor: null,
      action: 'system.seedDemo',
      objectType: 'system',
      objectId: campaign.id,
      unitPath: root.path,
      after: { campaign: campaign.name, units: quotaTable.rows.length, office: office.code },
    });
  });
  return { code: office.code, oneTimePassword: password };
}
