import { TITLE_KIND_LABELS, TITLE_LEVEL_LABELS, type BasicConditions, type Eligibility, type PriorTitle } from './rules';

/** What the checks need from a profile; any of it may still be missing in a draft. */
export interface CheckedProfile {
  memberCount: number | null;
  membersUnder35: number | null;
  leaderAge: number | null;
  priorTitles: PriorTitle[];
}

export type CheckKey = 'members' | 'under35Share' | 'leaderAge' | 'eligibility';

export interface CheckResult {
  key: CheckKey;
  label: string;
  /** null: not enough information yet (a draft). */
  ok: boolean | null;
  reason: string;
}

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** The basic conditions (集体基本条件), each with a Chinese reason the collective and admins both see. */
export function checkConditions(p: CheckedProfile, c: BasicConditions): CheckResult[] {
  const results: CheckResult[] = [];
  const members = p.memberCount;
  results.push(
    members === null
      ? { key: 'members', label: '成员人数', ok: null, reason: '尚未填写成员人数' }
      : members < c.minMembers || members > c.maxMembers
        ? { key: 'members', label: '成员人数', ok: false, reason: `成员人数须在${c.minMembers}至${c.maxMembers}人之间，当前为${members}人` }
        : { key: 'members', label: '成员人数', ok: true, reason: `成员${members}人，符合${c.minMembers}至${c.maxMembers}人的要求` },
  );
  if (members === null || members <= 0 || p.membersUnder35 === null) {
    results.push({ key: 'under35Share', label: '35周岁以下成员比例', ok: null, reason: '尚未填写成员人数或35周岁以下成员人数' });
  } else {
    const share = p.membersUnder35 / members;
    results.push(
      share >= c.minShareUnder35
        ? { key: 'under35Share', label: '35周岁以下成员比例', ok: true, reason: `35周岁以下成员占${pct(share)}，不低于${pct(c.minShareUnder35)}` }
        : {
            key: 'under35Share',
            label: '35周岁以下成员比例',
            ok: false,
            reason: `35周岁以下成员须占${pct(c.minShareUnder35)}以上，当前${p.membersUnder35}/${members}人，占${pct(share)}`,
          },
    );
  }
  results.push(
    p.leaderAge === null
      ? { key: 'leaderAge', label: '负责人年龄', ok: null, reason: '尚未填写负责人年龄' }
      : p.leaderAge > c.maxLeaderAge
        ? { key: 'leaderAge', label: '负责人年龄', ok: false, reason: `负责人年龄须在${c.maxLeaderAge}周岁以下，当前为${p.leaderAge}周岁` }
        : { key: 'leaderAge', label: '负责人年龄', ok: true, reason: `负责人${p.leaderAge}周岁，不超过${c.maxLeaderAge}周岁` },
  );
  return results;
}

const describeTitle = (t: PriorTitle) => `${t.year}年${TITLE_LEVEL_LABELS[t.level]}青年文明号${TITLE_KIND_LABELS[t.kind]}`;

/** Eligibility by prior titles (e.g. the national rule), with a reason naming the title that qualifies or what is missing. */
export function checkEligibility(titles: PriorTitle[], rule: Eligibility): CheckResult {
  if (rule.kind === 'none') return { key: 'eligibility', label: '申报资格', ok: true, reason: '本届不要求往届称号' };
  const cutoffYear = Number(rule.titleBefore.slice(0, 4));
  const national = titles.find((t) => t.level === 'national' && t.year <= cutoffYear);
  if (national) return { key: 'eligibility', label: '申报资格', ok: true, reason: `${describeTitle(national)}，在${rule.titleBefore}之前` };
  const provincial = titles
    .filter((t) => t.level === 'provincial' && t.year >= rule.provincialSinceYear && t.year <= cutoffYear)
    .sort((a, b) => b.year - a.year)[0];
  if (provincial) return { key: 'eligibility', label: '申报资格', ok: true, reason: `${describeTitle(provincial)}，属最近一届省级命名或复核认定` };
  return {
    key: 'eligibility',
    label: '申报资格',
    ok: false,
    reason: `须于${rule.titleBefore}前曾获全国青年文明号命名，或获最近一届（${rule.provincialSinceYear}年以来）省级青年文明号命名或复核认定`,
  };
}

export function allChecks(p: CheckedProfile, conditions: BasicConditions, eligibility: Eligibility): CheckResult[] {
  return [...checkConditions(p, conditions), checkEligibility(p.priorTitles, eligibility)];
}

/** The most senior prior title, for the queue's filter. */
export function topTitle(titles: PriorTitle[]): 'none' | PriorTitle['level'] {
  const order: PriorTitle['level'][] = ['national', 'provincial', 'city', 'county'];
  return order.find((level) => titles.some((t) => t.level === level)) ?? 'none';
}
