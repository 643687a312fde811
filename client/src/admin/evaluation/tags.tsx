import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { FormField } from '../../components/FormField';
import { LoadFailed } from '../../components/LoadFailed';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Screen';
import { useSignedIn } from '../../hooks/useSession';
import { aspectTags, setAspectTags } from '../../services';

/** One tag per line, blanks dropped: how the office types the list. */
const linesOf = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** The office sets the aspects evaluators may tag in a campaign (`campaignId`); without its own list, the default one. */
export default function AspectTags() {
  const { params } = useRouter();
  const campaignId = params.campaignId ?? '';
  const guard = useSignedIn({ audiences: ['office'] });
  const [text, setText] = useState<string | null>(null);
  const [isDefault, setIsDefault] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (guard.state !== 'ready') return;
    void aspectTags({ campaignId }).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setText(r.data.tags.join('\n'));
      setIsDefault(r.data.isDefault);
    });
  }, [guard.state, campaignId]);

  const frame = { guard, title: '评价方面标签', className: 'aspect-tags', denied: '只有组委会办公室可以设置' };
  if (error) return <GuardedScreen {...frame}><LoadFailed message={error} /></GuardedScreen>;
  if (text === null) return <GuardedScreen {...frame}><View className="list-foot list-loading">加载中…</View></GuardedScreen>;

  const save = async () => {
    setSaving(true);
    const result = await setAspectTags({ campaignId, tags: linesOf(text) });
    setSaving(false);
    if (!result.ok) return setFieldError(Object.values(result.error.fields ?? {})[0] ?? result.error.message);
    setFieldError(undefined);
    setIsDefault(false);
    setText(result.data.tags.join('\n'));
    void Taro.showToast({ title: '已保存', icon: 'success' });
  };

  return (
    <GuardedScreen {...frame}>
      <Section title={isDefault ? '当前为默认标签' : '本创建工作的标签'}>
        <FormField name="tags" label="评价方面" multiline maxLength={120} value={text} error={fieldError} hint="每行一项，1—10项，每项不超过8个字" onChange={(value) => { setText(value); setFieldError(undefined); }} />
      </Section>
      <Notice tone="info">公众评价时可选择这些方面（可不选）；修改后，已有的评价保留原来的标签。</Notice>
      <View className="form-actions">
        <Button className="btn-save-tags" type="primary" block loading={saving} onClick={() => void save()}>
          保存
        </Button>
      </View>
    </GuardedScreen>
  );
}
