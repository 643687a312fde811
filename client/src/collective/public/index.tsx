import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { publicPageInput } from '../../../../shared/contract/evaluation';
import { FormField } from '../../components/FormField';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { Screen, Section } from '../../components/Screen';
import { useForm } from '../../hooks/useForm';
import { ownPublicPage, updatePublicPage, type CallOutput } from '../../services';
import { go, ROUTES } from '../../routes';
import '../../components/evaluation.css';

type Own = CallOutput<'evaluation', 'ownPublicPage'>;

/**
 * The collective's editor of its 三亮 page: 公开承诺, service address and hours. Each text passes content
 * security when saved; a refusal stays beside its field with the text kept.
 */
export default function OwnPublicPage() {
  const [own, setOwn] = useState<Own | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm(publicPageInput, {
    initial: { commitment: '', address: '', serviceHours: '' },
    fixed: { version: own?.version ?? 0 },
    optional: ['commitment', 'address', 'serviceHours'],
  });
  useEffect(() => {
    void ownPublicPage({}).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setOwn(r.data);
      form.reset({ commitment: r.data.commitment ?? '', address: r.data.address ?? '', serviceHours: r.data.serviceHours ?? '' });
    });
    // Loaded once; the form then holds what is typed.
  }, []);

  if (error) return <Screen title="三亮主页" className="own-public-page"><LoadFailed message={error} /></Screen>;
  if (!own) return <Screen title="三亮主页" className="own-public-page"><View className="list-foot list-loading">加载中…</View></Screen>;

  const save = async () => {
    setSaved(false);
    const result = await form.submit((input) => updatePublicPage(input));
    if (result?.ok) {
      setOwn(result.data);
      setSaved(true);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    }
  };

  return (
    <Screen title="三亮主页" className="own-public-page">
      <Section title="亮承诺">
        <FormField {...form.field('commitment')} label="公开承诺" multiline maxLength={1000} placeholder="向公众作出的服务承诺，如：微笑服务、首问负责、限时办结" />
      </Section>
      <Section title="亮形象">
        <FormField {...form.field('address')} label="服务地址" maxLength={120} />
        <FormField {...form.field('serviceHours')} label="服务时间" maxLength={100} placeholder="如：工作日 8:30—17:30" />
      </Section>
      <Notice tone="info">公开编号：{own.code}（三亮主页的链接和二维码使用此编号）</Notice>
      <Notice>{form.notice}</Notice>
      {saved ? <Notice tone="success" className="saved-notice">已保存，三亮主页已更新</Notice> : null}
      <View className="form-actions">
        <Button className="btn-save-public-page" type="primary" block loading={form.submitting} onClick={() => void save()}>
          保存
        </Button>
        <Button className="btn-view-public-page" block onClick={() => go(ROUTES.collective, { code: own.code })}>
          查看三亮主页
        </Button>
        <Button className="btn-poster" block onClick={() => go(ROUTES.collectivePoster)}>
          二维码海报（打印张贴）
        </Button>
      </View>
    </Screen>
  );
}
