import type { CollectiveComplaintView, MyComplaintView, UnitComplaintView } from '../../../../shared/contract/evaluation-views';
import { pathIds } from '../../../../shared/domain/unit-tree';
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_ESCALATION_LABELS, COMPLAINT_VERDICT_LABELS, RECTIFICATION_STATE_LABELS } from '../../../../shared/domain/evaluation/complaints';
import type { UnitDoc } from '../../collections';
import type { ComplaintDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import type { Store } from '../../ports/store';
import { publicCodeOf } from './pages';

const responseView = (c: ComplaintDoc) =>
  c.response && c.verdict
    ? { verdict: c.verdict, verdictLabel: COMPLAINT_VERDICT_LABELS[c.verdict], text: c.response.text, at: c.response.at, rectificationRequest: c.response.rectificationRequest, rectification: c.response.rectification }
    : null;

const collectiveRectificationView = (c: ComplaintDoc) => (c.collectiveRectification ? { ...c.collectiveRectification, stateLabel: RECTIFICATION_STATE_LABELS[c.collectiveRectification.state] } : null);

/** As the collective asked to rectify sees it: the response and its request, and its own account. */
export function collectiveComplaintView(c: ComplaintDoc): CollectiveComplaintView | null {
  const response = responseView(c);
  if (!response) return null;
  return { id: c.id, category: c.category, categoryLabel: COMPLAINT_CATEGORY_LABELS[c.category], createdAt: c.createdAt, response, collectiveRectification: collectiveRectificationView(c) };
}

/** As its writer sees it: the unit's response, never the contact phone. */
async function myView(store: Store, c: ComplaintDoc): Promise<MyComplaintView> {
  const collective = await store.get<CollectiveDoc>('collectives', c.collectiveId);
  return {
    id: c.id,
    collective: { code: await publicCodeOf(store, c.collectiveId), name: collective?.name ?? '' },
    category: c.category,
    categoryLabel: COMPLAINT_CATEGORY_LABELS[c.category],
    text: c.text,
    createdAt: c.createdAt,
    status: c.status,
    response: responseView(c),
  };
}

export const myComplaintViews = (store: Store, items: ComplaintDoc[]): Promise<MyComplaintView[]> => Promise.all(items.map((c) => myView(store, c)));

/** As the managing unit's admins see it: with the contact phone and the deadline, never who filed it. */
export async function unitComplaintView(store: Store, c: ComplaintDoc, now: Date): Promise<UnitComplaintView> {
  const unitId = pathIds(c.unitPath).at(-1) ?? '';
  const unit = await store.get<UnitDoc>('units', unitId);
  return {
    ...(await myView(store, c)),
    phone: c.phone,
    unitName: unit?.name ?? '',
    dueAt: c.dueAt,
    overdue: c.status === 'pending' && now.toISOString() >= c.dueAt,
    respondedOnTime: c.respondedOnTime,
    escalation: c.escalation ?? 'none',
    escalationLabel: COMPLAINT_ESCALATION_LABELS[c.escalation ?? 'none'],
    collectiveRectification: collectiveRectificationView(c),
  };
}
