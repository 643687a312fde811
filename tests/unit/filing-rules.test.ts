import { checkConditions, checkEligibility, topTitle } from '../../shared/domain/filing/conditions';
import { DEFAULT_CONDITIONS, NATIONAL_2017_2018_RULES } from '../../shared/domain/filing/rules';
import { boxOf, decisionsAt, reviewStages, stageAfter } from '../../shared/domain/filing/chain';
import { FILING_STATUSES, nextStatus } from '../../shared/domain/filing/status';
import { normalizeName } from '../../shared/domain/filing/names';
import { parseCsv, readQuotaTable } from '../../shared/domain/filing/quota-table';
import { filingStrictContent } from '../../shared/contract/filing-content';

const profile = (memberCount: number | null, membersUnder35: number | null, leaderAge: number | null) => ({
  memberCount,
  membersUnder35,
  leaderAge,
  priorTitles: [],
});
const byKey = (results: ReturnType<typeof checkConditions>, key: string) => results.find((r) => r.key === key)!;

describe('basic conditions (defaults: 6–200 members, ≥50% aged 35 or under, leader 40 or under)', () => {
  test.each([
    [5, false],
    [6, true],
    [200, true],
    [201, false],
  ])('%i members → %s', (members, ok) => {
    expect(byKey(checkConditions(profile(members, members, 30), DEFAULT_CONDITIONS), 'members').ok).toBe(ok);
  });

  test('exactly half the members aged 35 or under passes; one fewer fails with the share in the reason', () => {
    expect(byKey(checkConditions(profile(10, 5, 30), DEFAULT_CONDITIONS), 'under35Share').ok).toBe(true);
    const failed = byKey(checkConditions(profile(10, 4, 30), DEFAULT_CONDITIONS), 'under35Share');
    expect(failed.ok).toBe(false);
    expect(failed.reason).toContain('40%');
  });

  test('a leader of 40 passes, 41 fails with a reason naming the limit', () => {
    expect(byKey(checkConditions(profile(10, 10, 40), DEFAULT_CONDITIONS), 'leaderAge').ok).toBe(true);
    const failed = byKey(checkConditions(profile(10, 10, 41), DEFAULT_CONDITIONS), 'leaderAge');
    expect(failed.ok).toBe(false);
    expect(failed.reason).toContain('40周岁');
  });

  test('conditions are configurable per campaign', () => {
    const strict = { ...DEFAULT_CONDITIONS, minMembers: 10, maxLeaderAge: 35 };
    const results = checkConditions(profile(8, 8, 36), strict);
    expect(byKey(results, 'members').ok).toBe(false);
    expect(byKey(results, 'leaderAge').ok).toBe(false);
  });

  test('a draft without numbers is "not yet known", not failed', () => {
    expect(checkConditions(profile(null, null, null), DEFAULT_CONDITIONS).map((r) => r.ok)).toEqual([null, null, null]);
  });
});

describe('eligibility by prior titles (the national rule)', () => {
  const rule = NATIONAL_2017_2018_RULES.eligibility;
  test('a national title before the cutoff qualifies', () => {
    expect(checkEligibility([{ level: 'national', year: 2012, kind: 'named' }], rule).ok).toBe(true);
  });
  test('the latest provincial title or its recertification qualifies', () => {
    expect(checkEligibility([{ level: 'provincial', year: 2016, kind: 'named' }], rule).ok).toBe(true);
    expect(checkEligibility([{ level: 'provincial', year: 2017, kind: 'recertified' }], rule).ok).toBe(true);
  });
  test('an older provincial title, a title after the cutoff year or a city title do not, with a reason', () => {
    for (const titles of [
      [{ level: 'provincial' as const, year: 2014, kind: 'named' as const }],
      [{ level: 'national' as const, year: 2018, kind: 'named' as const }],
      [{ level: 'city' as const, year: 2016, kind: 'named' as const }],
      [],
    ]) {
      const result = checkEligibility(titles, rule);
      expect(result.ok).toBe(false);
      expect(result.reason).toContain('2017-09-30');
    }
  });
  test('a campaign without an eligibility rule accepts everyone', () => {
    expect(checkEligibility([], { kind: 'none' }).ok).toBe(true);
  });
  test('the most senior prior title is what the queue filters by', () => {
    expect(topTitle([{ level: 'county', year: 2015, kind: 'named' }, { level: 'provincial', year: 2016, kind: 'named' }])).toBe('provincial');
    expect(topTitle([])).toBe('none');
  });
});

describe('the review chain follows the unit level', () => {
  test('level 3 → 3, 2, 1; level 2 → 2, 1; level 1 → 1 only', () => {
    expect(reviewStages(3)).toEqual([3, 2, 1]);
    expect(reviewStages(2)).toEqual([2, 1]);
    expect(reviewStages(1)).toEqual([1]);
  });
  test('levels 3 and 2 pass up or send back; only level 1 approves or returns', () => {
    expect(decisionsAt(3)).toEqual(['passUp', 'sendBack']);
    expect(decisionsAt(2)).toEqual(['passUp', 'sendBack']);
    expect(decisionsAt(1)).toEqual(['approve', 'return']);
    expect(stageAfter(3)).toBe(2);
    expect(stageAfter(1)).toBeNull();
  });
  test('opinions map onto the application form boxes', () => {
    expect([boxOf(3), boxOf(2), boxOf(1), boxOf(0)]).toEqual(['supervisor', 'supervisor', 'branch', 'office']);
  });
});

describe('filing status transitions', () => {
  test('draft → filed → approved → revoked; returned → filed again', () => {
    expect(nextStatus('draft', 'submit')).toBe('filed');
    expect(nextStatus('filed', 'passUp')).toBe('reviewing');
    expect(nextStatus('reviewing', 'approve')).toBe('approved');
    expect(nextStatus('reviewing', 'return')).toBe('returned');
    expect(nextStatus('returned', 'submit')).toBe('filed');
    expect(nextStatus('approved', 'revoke')).toBe('revoked');
  });
  test('nothing leaves revoked or closed, and an approved filing cannot be submitted again', () => {
    for (const event of ['submit', 'passUp', 'approve', 'revoke'] as const) {
      expect(nextStatus('revoked', event)).toBeNull();
      expect(nextStatus('closed', event)).toBeNull();
    }
    expect(nextStatus('approved', 'submit')).toBeNull();
    expect(nextStatus('draft', 'approve')).toBeNull();
    expect(FILING_STATUSES).toHaveLength(7);
  });
});

describe('collective names are compared normalized', () => {
  test('full-width and half-width, spaces and case are the same name', () => {
    expect(normalizeName('岳阳市公交１路 青年班组（ＡＢ）')).toBe(normalizeName('岳阳市公交1路青年班组(ab)'));
    expect(normalizeName('岳阳市　公交一路')).toBe('岳阳市公交一路');
  });
});

describe('quota tables', () => {
  test('the national layout reads base and required filings as written (公安: 100 and 100)', () => {
    const rows = readQuotaTable(parseCsv('序号,省份,基数,应完成网络创建数\n3,公安,100,100\n4,司法行政,12,120\n'));
    expect(rows).toEqual([
      { row: 2, name: '公安', places: null, base: 100, requiredFilings: 100 },
      { row: 3, name: '司法行政', places: null, base: 12, requiredFilings: 120 },
    ]);
  });
  test("Yueyang's two blocks side by side are both read, spaces in names removed", () => {
    const rows = readQuotaTable(parseCsv('行 业,创建集体名额数量,县市区,创建集体名额数量\n交 通,2,岳阳县,5\n,,临港产业新区,5\n'));
    expect(rows.map((r) => [r.name, r.places])).toEqual([['交通', 2], ['岳阳县', 5], ['临港产业新区', 5]]);
  });
  test('quoted CSV cells keep their commas', () => {
    expect(parseCsv('"a,b",1\r\n')).toEqual([['a,b', '1']]);
  });
});

describe('the strict filing rules', () => {
  test('every missing field is listed at once, each naming its field', () => {
    const result = filingStrictContent.safeParse({});
    expect(result.success).toBe(false);
    const paths = new Set(result.error!.issues.map((i) => i.path[0]));
    for (const field of ['name', 'leaderName', 'leaderAge', 'memberCount', 'foundedOn', 'postcode', 'recoveryEmail', 'goals', 'achievements']) {
      expect(paths.has(field)).toBe(true);
    }
  });
  test('counts must nest: aged ≤35 ≤ aged ≤40 ≤ members ≤ staff', () => {
    const base = {
      name: '岳阳市公交一路青年班组', leaderName: '李明', leaderPosition: '班组长', leaderAge: '32', memberCount: '12', averageAge: '29.5',
      membersUnder35: '9', membersUnder40: '8', totalStaff: '30', foundedOn: '2010-05-04', phone: '0730-8889464', address: '岳阳市岳阳楼区金鹗中路1号',
      postcode: '414000', nonPublic: 'no', recoveryEmail: 'team@example.cn', goals: '打造一流公交服务窗口。', measures: '开展岗位练兵和服务承诺活动。',
      schedule: '上半年培训，下半年开放周。', achievements: '事'.repeat(100),
    };
    const result = filingStrictContent.safeParse(base);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['membersUnder35'], message: expect.stringContaining('40周岁以下') });
    expect(filingStrictContent.safeParse({ ...base, membersUnder35: '8' }).success).toBe(true);
  });
});
