import { Text, View } from '@tarojs/components';
import type { FilingView } from '../../../shared/contract/filing-views';
import type { FilingStatus } from '../../../shared/domain/filing/status';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import './filing-parts.css';

type Tone = 'neutral' | 'progress' | 'warn' | 'done' | 'ended';

const BADGE_TONES: Record<FilingStatus, Tone> = {
  draft: 'neutral',
  filed: 'progress',
  reviewing: 'progress',
  returned: 'warn',
  approved: 'done',
  revoked: 'ended',
  closed: 'ended',
};

/** A filing's status as a coloured badge (null: nothing filed yet). */
export function FilingBadge({ status, label }: { status: FilingStatus | null; label: string }) {
  return <Text className={`filing-badge filing-badge--${status ? BADGE_TONES[status] : 'neutral'} filing-badge-${status ?? 'none'}`}>{label}</Text>;
}

type StepState = 'done' | 'current' | 'todo' | 'attention';
interface Step {
  key: string;
  title: string;
  detail?: string;
  state: StepState;
}

/** The four steps a collective goes through, and where its filing stands on them. */
export function filingSteps(filing: Pick<FilingView, 'status' | 'stage' | 'stageUnitName'> | null): Step[] {
  const status = filing?.status ?? null;
  const submitted = status !== null && status !== 'draft';
  const reviewing = status === 'filed' || status === 'reviewing';
  const stageText = filing?.stage ? `${filing.stageUnitName ?? ''} ${ROLE_LABELS[`admin${filing.stage}`]}审核中` : undefined;
  return [
    { key: 'fill', title: '填写报备', detail: status === 'returned' ? '已退回，请按意见修改' : undefined, state: status === 'returned' ? 'attention' : submitted ? 'done' : 'current' },
    { key: 'submit', title: '提交报备', state: status === 'returned' ? 'todo' : submitted ? 'done' : 'todo' },
    { key: 'review', title: '管理单位审核', detail: reviewing ? stageText : undefined, state: reviewing ? 'current' : status === 'approved' ? 'done' : 'todo' },
    {
      key: 'result',
      title: status === 'revoked' ? '已取消创建资格' : status === 'closed' ? '已关闭' : '成为创建集体',
      state: status === 'approved' ? 'done' : status === 'revoked' || status === 'closed' ? 'attention' : 'todo',
    },
  ];
}

/** The steps as a vertical timeline (the collective's 报备状态 page). */
export function FilingTimeline({ filing }: { filing: Pick<FilingView, 'status' | 'stage' | 'stageUnitName'> | null }) {
  return (
    <View className="filing-steps">
      {filingSteps(filing).map((step) => (
        <View key={step.key} className={`filing-step filing-step--${step.state} filing-step-${step.key}`}>
          <View className="filing-step__dot" />
          <View className="filing-step__body">
            <Text className="filing-step__title">{step.title}</Text>
            {step.detail ? <Text className="filing-step__detail">{step.detail}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
