import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { ADMINS } from '../../../../shared/domain/roles';
import { EntryDetail } from '../../components/EntryDetail';
import { FormField } from '../../components/FormField';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { addGuidance, approveVideo, readEntry, type CallOutput } from '../../services';

type Entry = CallOutput<'creationlog', 'readEntry'>['entry'];

/** An admin reads a submitted entry of their subtree (which marks it 已阅 for them) and may add guidance. */
export default function AdminEntry() {
  const { params } = useRouter();
  const guard = useSignedIn({ audiences: ADMINS });
  const frame = { guard, title: '创建日志', className: 'admin-cl-entry', denied: ADMIN_ONLY };
  const [entry, setEntry] = useState<Entry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const [approving, setApproving] = useState(false);
  const { toast, show } = useToast();
  const load = () => void readEntry({ entryId: params.id ?? '' }).then((r) => (r.ok ? setEntry(r.data.entry) : setError(r.error.message)));
  useEffect(() => {
    if (guard.state === 'ready') load();
  }, [guard.state, params.id]);

  if (error) return <GuardedScreen {...frame}><LoadFailed message={error} onRetry={load} /></GuardedScreen>;
  if (!entry) return <GuardedScreen {...frame}><View className="list-loading">加载中…</View></GuardedScreen>;

  const send = async () => {
    if (text.trim().length < 2) return setTextError(text.trim() ? '至少2个字' : '请填写');
    setSending(true);
    const result = await addGuidance({ entryId: entry.id, text: text.trim() });
    setSending(false);
    if (result.ok) {
      setEntry(result.data.entry);
      setText('');
      setTextError(undefined);
      show('指导意见已发送，集体将收到通知', 'success');
    } else setTextError(result.error.fields?.text ?? result.error.message);
  };

  const approve = async () => {
    setApproving(true);
    const result = await approveVideo({ entryId: entry.id });
    setApproving(false);
    if (result.ok) {
      setEntry(result.data.entry);
      show('视频已审核通过', 'success');
    } else show(result.error.message, 'fail');
  };

  return (
    <GuardedScreen {...frame}>
      <Notice tone="info" className="cl-read-mark">已阅：本条已为您标记为已阅</Notice>
      <EntryDetail entry={entry} />
      {entry.video && entry.video.approvedByUnitName === null ? (
        <Section title="待审核视频" className="cl-approve-video">
          <Notice tone="info">微信不能自动审核视频：请看过视频后审核，通过前视频不公开。</Notice>
          <View className="form-actions">
            <Button className="btn-approve-video" type="primary" block loading={approving} onClick={() => void approve()}>
              通过
            </Button>
          </View>
        </Section>
      ) : null}
      <Section title="提出指导意见" className="cl-guide">
        <FormField name="guidance" label="指导意见" multiline maxLength={1000} required value={text} error={textError} onChange={(v) => {
          setText(v);
          setTextError(undefined);
        }} />
        <View className="form-actions">
          <Button className="btn-send-guidance" type="primary" block loading={sending} onClick={() => void send()}>
            发送指导意见
          </Button>
        </View>
      </Section>
      {toast}
    </GuardedScreen>
  );
}
