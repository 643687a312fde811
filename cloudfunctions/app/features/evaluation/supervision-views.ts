import type { ReportView, SupervisorView, UnitReportView } from '../../../../shared/contract/evaluation-supervision';
import { RATING_LABELS } from '../../../../shared/domain/evaluation/rules';
import { REPORT_STATUS_LABELS, SUPERVISOR_STATUS_LABELS } from '../../../../shared/domain/evaluation/supervision';
import type { UnitDoc } from '../../collections';
import type { CollectiveDoc } from '../../collections/filing';
import type { SupervisionReportDoc, SupervisorDoc } from '../../collections/supervision';
import type { Store } from '../../ports/store';
import { publicCodeOf } from './pages';

/** As the admins of its unit's chain see a supervisor: the name they typed and the figures, never the identity behind it. */
export async function supervisorView(store: Store, s: SupervisorDoc, now: Date): Promise<SupervisorView> {
  const unit = await store.get<UnitDoc>('units', s.unitId);
  const status = s.status === 'invited' && now.toISOString() >= s.invitationExpiresAt ? 'expired' : s.status;
  return {
    id: s.id,
    name: s.name,
    unit: { id: s.unitId, name: unit?.name ?? '' },
    status,
    statusLabel: SUPERVISOR_STATUS_LABELS[status],
    invitationExpiresAt: s.invitationExpiresAt,
    appointedAt: s.createdAt,
    redeemedAt: s.redeemedAt,
    revokedAt: s.revokedAt,
    reports: s.reports,
    forwarded: s.forwarded,
  };
}

/** As its writer reads a report. */
export async function reportView(store: Store, r: SupervisionReportDoc): Promise<ReportView> {
  const collective = await store.get<CollectiveDoc>('collectives', r.collectiveId);
  return {
    id: r.id,
    collective: { code: await publicCodeOf(store, r.collectiveId), name: collective?.name ?? '' },
    visitDate: r.visitDate,
    rating: r.rating,
    ratingLabel: RATING_LABELS[r.rating],
    tags: r.tags,
    text: r.text,
    photos: r.photos,
    status: r.status,
    statusLabel: REPORT_STATUS_LABELS[r.status],
    createdAt: r.createdAt,
    decision: r.decision ? { note: r.decision.note, reason: r.decision.reason, at: r.decision.at } : null,
  };
}

/** As the appointing unit's admins read it: with the supervisor's name they gave. */
export async function unitReportView(store: Store, r: SupervisionReportDoc): Promise<UnitReportView> {
  const [supervisor, unit] = await Promise.all([store.get<SupervisorDoc>('supervisors', r.supervisorId), store.get<UnitDoc>('units', r.unitId)]);
  return {
    ...(await reportView(store, r)),
    supervisor: { id: r.supervisorId, name: supervisor?.name ?? '' },
    unitName: unit?.name ?? '',
    textUnderReview: r.textState === 'review',
  };
}
