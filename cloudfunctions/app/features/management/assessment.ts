import { createHash } from 'node:crypto';
import type { AssessmentRoundView, AssessmentSheetView, EvidenceView } from '../../../../shared/contract/management-assessment';
import { ASSESSMENT_ITEM_NOS, appliesTo, reportChars, sheetTotal } from '../../../../shared/domain/management/assessment';
import { FIVE_ONE_LABELS, type FiveOne } from '../../../../shared/domain/management/five-ones';
import { AppError } from '../../../../shared/errors';
import type { AccountDoc, UnitDoc } from '../../collections';
import type { AssessmentRoundDoc, AssessmentSheetDoc, LedgerEntryDoc } from '../../collections/management';
import { complaintFigures } from '../../common/complaint-counts';
import { caseFigures } from '../../common/case-counts';
import { totalsOf, unitCreationFigures } from '../../common/creation-counts';
import { publicEntryCount } from '../../common/public-entries';
import { pageFigures } from '../../common/public-pages';
import { unitInScope } from '../../common/scope';
import { accountOf, type UseCaseContext } from '../../context';
import type { StoreOps } from '../../ports/store';
import { dashboardFigures } from './figures';
import { ledgerCounts } from './ledger';

/**
 * A sheet's id follows from its round and unit, so two first writes cannot make two sheets; hashed to the
 * length of other ids, so the audit log can be asked for it (ids there are at most 64 characters).
 */
export const sheetId = (roundId: string, unitId: string) => createHash('sha256').update(`${roundId}:${unitId}`).digest('hex').slice(0, 32);

export function roundView(round: AssessmentRoundDoc): AssessmentRoundView {
  const { id, campaignId, term, title, items, status, scoringStarted, createdAt, publishedAt } = round;
  return { id, campaignId, term, title, items, status, scoringStarted, createdAt, publishedAt };
}

export async function loadRound(store: Pick<StoreOps, 'get'>, roundId: string): Promise<AssessmentRoundDoc> {
  const round = await store.get<AssessmentRoundDoc>('assessmentRounds', roundId);
  if (!round) throw new AppError('NOT_FOUND', '未找到该考评');
  return round;
}

/**
 * The level-1 unit a caller may read the sheet of: the office any (default: none, it must name one), a
 * level-1 admin only its own unit; a unit deeper down is not assessed.
 */
export async function assessedUnit(ctx: UseCaseContext, unitId: string | undefined): Promise<UnitDoc> {
  const actor = accountOf(ctx);
  if (actor.role !== 'office' && unitId !== undefined && unitId !== actor.unitId) throw new AppError('NOT_IN_SCOPE', '只能查看本单位的考评表');
  const unit = await unitInScope(ctx, unitId ?? actor.unitId);
  if (unit.level !== 1) throw new AppError('ASSESSMENT_NOT_ASSESSED', undefined, { unitId: '单位：只有一级单位参加考评' });
  return unit;
}

/** An empty sheet: a unit that has neither reported nor been scored yet. */
export function blankSheet(round: AssessmentRoundDoc, unit: UnitDoc): AssessmentSheetDoc {
  return {
    id: sheetId(round.id, unit.id),
    roundId: round.id,
    unitId: unit.id,
    unitPath: unit.path,
    unitName: unit.name,
    unitKind: unit.kind,
    report: '',
    ledgerConfirmed: false,
    submittedAt: null,
    submittedByName: null,
    evidence: null,
    scores: {},
    version: 1,
    corrections: [],
  };
}

export const scoresOf = (sheet: AssessmentSheetDoc): Record<number, number> =>
  Object.fromEntries(Object.entries(sheet.scores).map(([no, score]) => [Number(no), score.points]));

/** Ledger work the evidence lists by title: a unit's term, a few hundred entries at most. */
const LEDGER_ENTRIES_SHOWN = 200;
/** The review timeliness figure uses the dashboard's default: filings waiting longer than a week. */
export const EVIDENCE_OVERDUE_DAYS = 7;

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/**
 * What the unit's own records hold for each item, from the same counters the dashboard and the creation
 * log show (never a scan): 报备 against target and the 往届/非公 shares (7), its 五个一 ledger (1, 3, 4, 8; meetings under 3 too, so a 行业 unit, not assessed on 1, shows them),
 * review timeliness, creation-log entries of its subtree, how many its admins read and the guidance they gave (5), open-week events of its collectives (8),
 * the 差评 cases of its subtree's collectives in the campaign (4) and its active collectives with a complete
 * 三亮 page (9: commitment, address and service hours all filled) with the creation-log entries they made
 * public in the campaign (9), and the complaints about its subtree's collectives in the campaign (11, upheld (属实)
 * ones first; upheld appeals against evaluations are another thing and not counted), all counted through indexes.
 */
export async function evidenceOf(ctx: UseCaseContext, round: AssessmentRoundDoc, unit: UnitDoc): Promise<EvidenceView> {
  const [figures, counts, entries, creation, events, cases, pages, publicEntries, complaints] = await Promise.all([
    dashboardFigures(ctx, { campaignId: round.campaignId, unitId: unit.id, overdueDays: EVIDENCE_OVERDUE_DAYS }),
    ledgerCounts(ctx.store, round.term, [unit.id]),
    ctx.store.find<LedgerEntryDoc>('ledgerEntries', { where: { unitId: unit.id, term: round.term }, orderBy: { fields: ['date'], direction: 'desc' }, limit: LEDGER_ENTRIES_SHOWN }),
    unitCreationFigures(ctx.store, round.campaignId, unit.id),
    ctx.store.count('events', { campaignId: round.campaignId, unitPath: { $prefix: unit.path }, status: { $in: ['published', 'finished'] }, hidden: false }),
    caseFigures(ctx.store, round.campaignId, unit.id, ctx.now()),
    pageFigures(ctx.store, unit.path),
    publicEntryCount(ctx.store, round.campaignId, unit.path),
    complaintFigures(ctx.store, round.campaignId, unit.id),
  ]);
  const total = figures.total;
  const ledger = counts.get(unit.id);
  const ledgerFact = (kind: FiveOne) => ({
    label: `五个一·${FIVE_ONE_LABELS[kind]}`,
    value: ledger?.[kind] ?? 0,
    unit: '次',
    entries: entries.items.filter((e) => e.kind === kind).map((e) => `${e.date} ${e.title}`),
  });
  const fact = (label: string, value: number | null, unitName: string) => ({ label, value, unit: unitName, entries: [] });
  const facts: Record<number, EvidenceView['items'][number]['facts']> = {
    1: [ledgerFact('meeting'), ledgerFact('liaisonPlatform')],
    3: [ledgerFact('training'), ledgerFact('meeting')],
    4: [
      ledgerFact('inspection'),
      fact('差评回访整改：立案', cases.opened, '件'),
      fact('差评回访整改：按期答复', cases.answeredOnTime, '件'),
      fact('差评回访整改：逾期（超期未答复或超期答复）', cases.overdue, '件'),
      fact('差评回访整改：转交管理单位', cases.escalated, '件'),
    ],
    5: [
      fact(`超${EVIDENCE_OVERDUE_DAYS}天待一级审核`, total.overdue.level1, '件'),
      fact(`超${EVIDENCE_OVERDUE_DAYS}天待二级审核`, total.overdue.level2, '件'),
      fact(`超${EVIDENCE_OVERDUE_DAYS}天待三级审核`, total.overdue.level3, '件'),
      fact('辖区集体提交的创建日志', totalsOf(creation.months).total, '篇'),
      fact('其中管理单位已阅（一至三级管理员阅读过）', creation.read, '篇'),
      fact('本单位及下级单位对创建日志的指导意见', creation.guidance, '条'),
    ],
    7: [
      fact('报备目标', total.target, '个'),
      fact('报备数', total.filed, '个'),
      fact('完成率', percent(total.progress), '%'),
      fact('创建集体数', total.approved, '个'),
      fact('往届集体', total.pastHolders, '个'),
      fact('往届占比', percent(total.pastHolderShare), '%'),
      fact('非公/社会组织集体', total.nonPublic, '个'),
      fact('非公占比', percent(total.nonPublicShare), '%'),
    ],
    8: [fact('开放周活动（已发布或已举办）', events, '场'), ledgerFact('themeActivity')],
    9: [
      fact('辖区在册集体', pages.collectives, '个'),
      fact('“三亮”页面完整的集体（公开承诺、服务地址、服务时间均已填写）', pages.complete, '个'),
      fact('“三亮”页面完整率', percent(pages.collectives === 0 ? null : pages.complete / pages.collectives), '%'),
      fact('辖区集体公开的创建日志', publicEntries, '篇'),
    ],
    11: [
      fact('辖区集体经核实属实的投诉', complaints.upheld, '件'),
      fact('辖区集体收到的投诉', complaints.filed, '件'),
      fact('按期答复的投诉', complaints.respondedOnTime, '件'),
    ],
  };
  return {
    asOf: ctx.now().toISOString(),
    items: ASSESSMENT_ITEM_NOS.map((no) => ({ no, facts: facts[no] ?? [] })),
  };
}

/** A sheet as the viewer may see it: scores and notes for the office, and for the unit only once published. */
export function sheetView(round: AssessmentRoundDoc, sheet: AssessmentSheetDoc, evidence: EvidenceView, viewer: AccountDoc): AssessmentSheetView {
  const scoresShown = viewer.role === 'office' || round.status === 'published';
  return {
    roundId: round.id,
    unitId: sheet.unitId,
    unitName: sheet.unitName,
    unitKind: sheet.unitKind,
    report: sheet.report,
    reportChars: reportChars(sheet.report),
    ledgerConfirmed: sheet.ledgerConfirmed,
    submittedAt: sheet.submittedAt,
    submittedByName: sheet.submittedByName,
    evidence,
    applicable: round.items.filter((item) => appliesTo(item.no, sheet.unitKind)).map((item) => item.no),
    scores: scoresShown ? sheet.scores : null,
    total: scoresShown ? sheetTotal(round.items, scoresOf(sheet), sheet.unitKind) : null,
    version: sheet.version,
    corrections: scoresShown ? sheet.corrections : [],
  };
}

/** The evidence of a sheet: as submitted, or read now while the unit has not submitted. */
export const sheetEvidence = async (ctx: UseCaseContext, round: AssessmentRoundDoc, sheet: AssessmentSheetDoc, unit: UnitDoc): Promise<EvidenceView> =>
  sheet.submittedAt ? (sheet.evidence as EvidenceView) : evidenceOf(ctx, round, unit);

/** A score must fit the item's points and the unit must be assessed on the item. */
export function checkScore(round: AssessmentRoundDoc, unitKind: UnitDoc['kind'], no: number, points: number): void {
  const item = round.items.find((i) => i.no === no);
  if (!item || !appliesTo(no, unitKind)) throw new AppError('ASSESSMENT_SCORE_INVALID', '考评项目：行业单位不考核第1项和第6项', { no: '考评项目：行业单位不考核第1项和第6项' });
  if (points > item.max) throw new AppError('ASSESSMENT_SCORE_INVALID', `得分：不能超过该项分值${item.max}分`, { points: `得分：不能超过该项分值${item.max}分` });
}
