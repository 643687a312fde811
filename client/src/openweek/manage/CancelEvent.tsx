import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import { confirm } from '../../components/confirm';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Screen';
import { useForm } from '../../hooks/useForm';
import { cancelEvent } from '../../services';
import type { Feedback } from './feedback';

/** Cancels a published event with a reason every attendee is told. */
export function CancelEvent({ eventId, feedback }: { eventId: string; feedback: Feedback }) {
  const form = useForm(contract.openweek.cancelEvent.input, { initial: { reason: '' }, fixed: { eventId } });

  /** The reason is checked before the dialog; the dialog before anything is cancelled. */
  const ask = async () => {
    if (!form.validate()) return;
    const sure = await confirm({
      title: '确认取消活动？',
      content: '将通知所有报名者，取消后不能恢复。',
      confirmText: '取消活动',
      cancelText: '不取消',
      danger: true,
    });
    if (!sure) return;
    const result = await form.submit((input) => cancelEvent(input.eventId, input.reason));
    if (result?.ok) {
      feedback.show('活动已取消', 'success');
      feedback.refresh();
    }
  };

  return (
    <Section title="取消活动" className="ow-cancel">
      <FormField {...form.field('reason')} label="取消原因" placeholder="将通知所有报名者" multiline maxLength={200} />
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-cancel-event" type="danger" fill="outline" block loading={form.submitting} onClick={() => void ask()}>
          取消活动
        </Button>
      </View>
    </Section>
  );
}
