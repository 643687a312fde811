import { ASSESSMENT_ITEMS, rankByTotal, REPORT_MAX_CHARS, reportChars, sheetTotal } from '../../shared/domain/management/assessment';

const full = (nos: number[]) => Object.fromEntries(nos.map((no) => [no, ASSESSMENT_ITEMS.find((item) => item.no === no)?.max ?? 0]));

describe('the 考评 rules', () => {
  test('the eleven items come from the notice, in its five aspects, item 10 a bonus and item 11 a deduction', () => {
    expect(ASSESSMENT_ITEMS.map((item) => `${item.no}${item.name}`)).toEqual([
      '1组织机制', '2工作规范', '3培训指导', '4跟踪监督', '5联系沟通', '6覆盖领域', '7基层规模', '8活动载体', '9氛围营造', '10加分项', '11减分项',
    ]);
    expect([...new Set(ASSESSMENT_ITEMS.map((item) => item.aspect))]).toEqual(['机制规范', '过程管理', '创建规模', '品牌建设', '其他项目']);
    expect(ASSESSMENT_ITEMS.filter((item) => item.kind === 'base').reduce((sum, item) => sum + item.max, 0)).toBe(100);
  });

  test('a report counts every visible character, punctuation included, and no whitespace', () => {
    expect(reportChars('创建，青年文明号。ABC 12\n\t　')).toBe(14);
    expect(reportChars('𠀀字')).toBe(2);
    expect(reportChars('字'.repeat(REPORT_MAX_CHARS))).toBe(2000);
    expect(reportChars(`${'字'.repeat(1999)}。\n\n`)).toBe(2000);
    expect(reportChars(`${'字'.repeat(2000)}。`)).toBe(2001);
  });

  test('a 行业 unit with full marks on the items it is assessed on reaches the same base as a 地方 unit with full marks on all nine', () => {
    const region = sheetTotal(ASSESSMENT_ITEMS, full([1, 2, 3, 4, 5, 6, 7, 8, 9]), 'region');
    const industry = sheetTotal(ASSESSMENT_ITEMS, full([2, 3, 4, 5, 7, 8, 9]), 'industry');
    expect(region).toEqual({ base: 100, scaledBase: 100, bonus: 0, deduction: 0, total: 100 });
    expect(industry).toEqual({ base: 80, scaledBase: 100, bonus: 0, deduction: 0, total: 100 });
  });

  test('a 行业 unit’s scores on items 1 and 6 are ignored, its base is × 100 ÷ 80, and bonus and deduction stay unscaled', () => {
    const scores = { 1: 10, 6: 10, 2: 8, 3: 7, 4: 6, 5: 5, 7: 15, 8: 9, 9: 10, 10: 4, 11: 3 };
    expect(sheetTotal(ASSESSMENT_ITEMS, scores, 'industry')).toEqual({ base: 60, scaledBase: 75, bonus: 4, deduction: 3, total: 76 });
    expect(sheetTotal(ASSESSMENT_ITEMS, scores, 'region')).toEqual({ base: 80, scaledBase: 80, bonus: 4, deduction: 3, total: 81 });
  });

  test('a rescaled base that is not whole is kept to two decimals', () => {
    expect(sheetTotal(ASSESSMENT_ITEMS, { 2: 1 }, 'industry').scaledBase).toBe(1.25);
    const odd = ASSESSMENT_ITEMS.map((item) => (item.no === 7 ? { ...item, max: 15 } : item));
    expect(sheetTotal(odd, { 2: 5 }, 'industry').scaledBase).toBe(6.33);
  });

  test('equal totals share a rank and the next rank skips', () => {
    const ranked = rankByTotal([
      { unit: '甲', total: 80 },
      { unit: '乙', total: 92.5 },
      { unit: '丙', total: 80 },
      { unit: '丁', total: 70 },
      { unit: '戊', total: 92.5 },
    ]);
    expect(ranked.map((r) => [r.unit, r.rank])).toEqual([['乙', 1], ['戊', 1], ['甲', 3], ['丙', 3], ['丁', 5]]);
    expect(rankByTotal([])).toEqual([]);
  });
});
