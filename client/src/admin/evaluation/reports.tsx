import { useState } from 'react';
import type { UnitReportView } from '../../../../shared/contract/evaluation-supervision';
import type { ReportStatus } from '../../../../shared/domain/evaluation/supervision';
import { ADMINS } from '../../../../shared/domain/roles';
import { DecideRequest } from '../../components/DecideRequest';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { LoadMore } from '../../components/LoadMore';
import { ReportCard } from '../../components/ReportCard';
import { StatusTabs } from '../../components/StatusTabs';
import { Tappable } from '../../components/Tappable';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { declineReport, forwardReport, unitReports } from '../../services';
import { go, ROUTES } from '../../routes';
import '../../components/openweek.css';
import '../../components/evaluation.css';

/**
 * Forward to the collective (the opinion is the note the collective is told, optional) or 不转发 (the opinion is
 * the reason the supervisor reads, required). A refusal stays at the opinion, which keeps what was typed.
 */
function Decide({ report, onDone }: { report: UnitReportView; onDone: () => void }) {
  return (
    <DecideRequest
      label="转发说明（选填，会告知集体）或不转发理由（必填，监督员可见）"
      maxLength={500}
      approveLabel="转发集体"
      rejectLabel="不转发"
      approveClass="btn-forward-report"
      rejectClass="btn-decline-report"
      className="report-decide"
      decide={async (forward, text) => {
        const result = forward ? await forwardReport({ reportId: report.id, ...(text.trim() ? { note: text } : {}) }) : await declineReport({ reportId: report.id, reason: text });
        // Either field's message belongs under the one opinion box.
        const message = result.ok ? null : (result.error.fields?.note ?? result.error.fields?.reason);
        return !result.ok && message ? { ...result, error: { ...result.error, fields: { comment: message } } } : result;
      }}
      onDone={onDone}
    />
  );
}

const TABS: ReadonlyArray<readonly [ReportStatus, string]> = [
  ['pending', '待处理'],
  ['forwarded', '已转发'],
  ['declined', '不转发'],
];

/** The 明察暗访 reports of supervisors the caller's subtree appointed (the office: all), with the supervisor's name. */
export default function SupervisionReports() {
  const guard = useSignedIn({ audiences: ADMINS });
  const [status, setStatus] = useState<ReportStatus>('pending');
  const list = usePagedList((cursor) => unitReports({ status, cursor }), `reports-${status}`, guard.state === 'ready');
  return (
    <GuardedScreen guard={guard} title="明察暗访报告" className="admin-reports" denied={ADMIN_ONLY}>
      <StatusTabs tabs={TABS} value={status} onChange={setStatus} />
      {list.items.map((r) => (
        <ReportCard key={r.id} report={r} heading={`社会监督员：${r.supervisor.name}（${r.unitName}）${r.textUnderReview ? ' · 内容审核中' : ''}`}>
          <Tappable className="link report-collective-page" onTap={() => go(ROUTES.collective, { code: r.collective.code })}>
            查看该集体的三亮主页
          </Tappable>
          {r.status === 'pending' ? <Decide report={r} onDone={list.reload} /> : null}
        </ReportCard>
      ))}
      <LoadMore list={list} empty={{ pending: '没有待处理的报告', forwarded: '没有已转发的报告', declined: '没有不转发的报告' }[status]} />
    </GuardedScreen>
  );
}
