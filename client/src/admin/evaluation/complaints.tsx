import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { UnitComplaintView } from '../../../../shared/contract/evaluation-views';
import { ADMINS } from '../../../../shared/domain/roles';
import { chinaDate } from '../../../../shared/domain/working-days';
import { DecideRequest } from '../../components/DecideRequest';
import { FormField } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { StatusTabs } from '../../components/StatusTabs';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { EscalationSubscribe } from '../../components/EscalationSubscribe';
import { Tappable } from '../../components/Tappable';
import { usePagedList } from '../../hooks/usePagedList';
import { useSignedIn } from '../../hooks/useSession';
import { chinaTime } from '../../openweek-format';
import { recordRectification, respondToComplaint, reviewComplaintRectification, unitComplaints } from '../../services';
import { go, ROUTES } from '../../routes';
import '../../components/openweek.css';
import '../../components/evaluation.css';

/** 属实 (optionally asking the collective to put it right) or 不属实, with the response the complainant reads. */
function Respond({ complaint, onDone }: { complaint: UnitComplaintView; onDone: () => void }) {
  const [request, setRequest] = useState('');
  return (
    <View className="complaint-respond">
      <FormField name="rectificationRequest" label="整改要求（核实属实时选填，会通知集体）" multiline maxLength={500} value={request} onChange={setRequest} />
      <DecideRequest
        label="答复内容（投诉人可见）"
        maxLength={1000}
        approveLabel="核实属实"
        rejectLabel="核实不属实"
        approveClass="btn-uphold-complaint"
        rejectClass="btn-reject-complaint"
        className="complaint-decide"
        decide={(upheld, text) =>
          respondToComplaint({ complaintId: complaint.id, verdict: upheld ? 'upheld' : 'rejected', text, ...(upheld && request.trim() ? { rectificationRequest: request } : {}) })
        }
        onDone={onDone}
      />
    </View>
  );
}

/** Records how the collective put an upheld complaint right. */
function Rectification({ complaint, onDone }: { complaint: UnitComplaintView; onDone: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const save = async () => {
    const result = await recordRectification({ complaintId: complaint.id, text });
    if (result.ok) onDone();
    else setError(result.error.fields?.text ?? result.error.message);
  };
  return (
    <View className="complaint-rectification">
      <FormField name="rectification" label="整改情况" multiline maxLength={1000} value={text} error={error} onChange={setText} />
      <Button className="btn-record-rectification" block onClick={() => void save()}>
        记录整改情况
      </Button>
    </View>
  );
}

/** The collective's reported rectification: confirm it, or return it with a reason. */
function ReviewReport({ complaint, onDone }: { complaint: UnitComplaintView; onDone: () => void }) {
  return (
    <DecideRequest
      label="退回原因"
      maxLength={500}
      approveLabel="确认整改"
      rejectLabel="退回"
      approveClass="btn-confirm-rectification"
      rejectClass="btn-return-rectification"
      className="rectification-review"
      decide={(confirm, comment) => reviewComplaintRectification({ complaintId: complaint.id, confirm, ...(comment.trim() ? { comment } : {}) })}
      onDone={onDone}
    />
  );
}

const TABS = [
  ['pending', '待核实'],
  ['responded', '已答复'],
] as const;

/** Complaints about the collectives of the caller's subtree (the office: all), with the complainant's phone. */
export default function UnitComplaints() {
  const guard = useSignedIn({ audiences: ADMINS });
  const [status, setStatus] = useState<'pending' | 'responded'>('pending');
  const list = usePagedList((cursor) => unitComplaints({ status, cursor }), `complaints-${status}`, guard.state === 'ready');
  return (
    <GuardedScreen guard={guard} title="投诉处理" className="unit-complaints" denied={ADMIN_ONLY}>
      <EscalationSubscribe />
      <StatusTabs tabs={TABS} value={status} onChange={setStatus} />
      {list.items.map((c) => (
        <View key={c.id} className="case-card unit-complaint">
          <View className="case-card__due">
            <Tappable className="link complaint-collective" onTap={() => go(ROUTES.collective, { code: c.collective.code })}>
              {c.collective.name}
            </Tappable>
            （{c.unitName}）
          </View>
          <View className="case-card__due">
            {c.categoryLabel} · {chinaTime(c.createdAt)} · 答复期限 {chinaDate(new Date(Date.parse(c.dueAt) - 1))}
            {c.overdue ? <View className="case-overdue">已逾期{c.escalationLabel ? `，${c.escalationLabel}` : ''}</View> : null}
          </View>
          <View className="complaint-text">{c.text}</View>
          <View className="complaint-phone">联系电话：{c.phone ?? '未留'}</View>
          {c.response ? (
            <View className="case-reply complaint-response">
              {c.response.verdictLabel}{c.respondedOnTime === false ? '（逾期答复）' : ''}：{c.response.text}
              {c.response.rectificationRequest ? `\n整改要求：${c.response.rectificationRequest}` : ''}
              {c.response.rectification ? `\n整改情况：${c.response.rectification.text}` : ''}
            </View>
          ) : (
            <Respond complaint={c} onDone={list.reload} />
          )}
          {c.collectiveRectification && !c.response?.rectification ? (
            <View className="case-reply collective-rectification">
              集体报告的整改情况（{c.collectiveRectification.stateLabel}）：{c.collectiveRectification.text}
              {c.collectiveRectification.review?.comment ? `\n退回原因：${c.collectiveRectification.review.comment}` : ''}
            </View>
          ) : null}
          {c.collectiveRectification?.state === 'submitted' ? <ReviewReport complaint={c} onDone={list.reload} /> : null}
          {c.response?.verdict === 'upheld' && !c.response.rectification && c.collectiveRectification?.state !== 'submitted' ? <Rectification complaint={c} onDone={list.reload} /> : null}
        </View>
      ))}
      <LoadMore list={list} empty={status === 'pending' ? '没有待核实的投诉' : '没有已答复的投诉'} />
    </GuardedScreen>
  );
}
