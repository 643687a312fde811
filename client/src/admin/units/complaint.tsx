import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import { ADMINS } from '../../../../shared/domain/roles';
import { FormField } from '../../components/FormField';
import { LoadFailed } from '../../components/LoadFailed';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Screen';
import { useForm } from '../../hooks/useForm';
import { useSignedIn } from '../../hooks/useSession';
import { complaintChannel, setComplaintChannel, type CallOutput } from '../../services';

type Channel = CallOutput<'evaluation', 'complaintChannel'>;

/**
 * The phone and e-mail where the public complains about the collectives of a unit (`unitId`); the 三亮
 * pages below it show the nearest unit's. Both left empty withdraws it.
 */
export default function ComplaintChannel() {
  const { params } = useRouter();
  const unitId = params.unitId ?? '';
  const guard = useSignedIn({ audiences: ADMINS });
  const [channel, setChannel] = useState<Channel | null>(null);
  const [error, setError] = useState<string | null>(null);
  const form = useForm(contract.evaluation.setComplaintChannel.input, {
    initial: { phone: '', email: '' },
    fixed: { unitId },
    optional: ['phone', 'email'],
  });
  useEffect(() => {
    if (guard.state !== 'ready') return;
    void complaintChannel({ unitId }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setChannel(r.data);
      form.reset({ phone: r.data.phone ?? '', email: r.data.email ?? '' });
    });
    // Loaded once the sign-in is known; the form then holds what is typed.
  }, [guard.state, unitId]);

  const frame = { guard, title: '投诉渠道', className: 'complaint-channel-page', denied: ADMIN_ONLY };
  if (error) return <GuardedScreen {...frame}><LoadFailed message={error} /></GuardedScreen>;
  if (!channel) return <GuardedScreen {...frame}><View className="list-foot list-loading">加载中…</View></GuardedScreen>;

  const save = async () => {
    const result = await form.submit((input) => setComplaintChannel(input));
    if (result?.ok) {
      setChannel(result.data);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    }
  };

  return (
    <GuardedScreen {...frame}>
      <Section title={channel.unitName}>
        <FormField {...form.field('phone')} kind="phone" label="投诉电话" maxLength={20} placeholder="如：0730-8888888" />
        <FormField {...form.field('email')} kind="email" label="投诉邮箱" maxLength={120} />
      </Section>
      <Notice tone="info">公布后，本单位及下级单位所属集体的三亮主页显示此投诉渠道（下级单位公布了自己的，则显示下级单位的）；两项都不填即不公布。</Notice>
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-save-complaint" type="primary" block loading={form.submitting} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </GuardedScreen>
  );
}
