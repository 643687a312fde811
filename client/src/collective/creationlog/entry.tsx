import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { EntryDetail } from '../../components/EntryDetail';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useSignedIn } from '../../hooks/useSession';
import { getMyEntry, setEntryPublic, type CallOutput } from '../../services';
import { go, ROUTES } from '../../routes';

type Entry = CallOutput<'creationlog', 'getMine'>['entry'];

const PUBLIC_STATE_TEXT = {
  public: '已公开：显示在本集体的三亮主页上',
  review: '审核中：内容安全检查尚未完成，通过前不在三亮主页显示',
  none: '未公开：仅本集体和上级管理单位可见',
} as const;

/** 公开 on the 三亮 page: its state, and the one tap that makes it public (after content security) or withdraws it. */
function PublicToggle({ entry, onChange }: { entry: Entry; onChange: (entry: Entry) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = entry.publicState !== null;
  const toggle = () => {
    setBusy(true);
    setError(null);
    void setEntryPublic({ entryId: entry.id, public: !shown, version: entry.version }).then((r) => {
      setBusy(false);
      if (r.ok) onChange(r.data.entry);
      else setError(r.error.message);
    });
  };
  return (
    <Section title="公开到三亮主页" className="cl-public">
      <View className="cl-public__body">
        <View className={`cl-card__meta entry-public-state entry-public-state--${entry.publicState ?? 'none'}`}>{PUBLIC_STATE_TEXT[entry.publicState ?? 'none']}</View>
        {entry.video && entry.video.approvedByUnitName === null ? (
          <View className="cl-card__meta entry-public-video">视频待管理单位审核，通过前三亮主页只显示文字和图片。</View>
        ) : null}
        <Notice className="entry-public-error">{error}</Notice>
        <Button className="btn-entry-public" block loading={busy} disabled={busy} type={shown ? 'default' : 'primary'} onClick={toggle}>
          {shown ? '撤回公开' : '公开（先经内容安全检查）'}
        </Button>
      </View>
    </Section>
  );
}

/** One of the collective's entries, read-only once submitted, with the guidance its admins gave. */
export default function CollectiveEntry() {
  const { params } = useRouter();
  const guard = useSignedIn({ audiences: ['collective'] });
  const frame = { guard, title: '创建日志', className: 'cl-entry', denied: '只有集体帐号有创建日志' };
  const [entry, setEntry] = useState<Entry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => void getMyEntry({ entryId: params.id ?? '' }).then((r) => (r.ok ? setEntry(r.data.entry) : setError(r.error.message)));
  useEffect(() => {
    if (guard.state === 'ready') load();
  }, [guard.state, params.id]);

  if (error) return <GuardedScreen {...frame}><LoadFailed message={error} onRetry={load} /></GuardedScreen>;
  if (!entry) return <GuardedScreen {...frame}><View className="list-loading">加载中…</View></GuardedScreen>;

  return (
    <GuardedScreen {...frame}>
      {params.submitted ? <Notice tone="success" className="cl-submitted">已提交创建日志，上级管理单位可以看到。</Notice> : null}
      <EntryDetail entry={entry} />
      {entry.status === 'submitted' ? <PublicToggle entry={entry} onChange={setEntry} /> : null}
      <View className="form-actions">
        {entry.status === 'draft' ? (
          <Button className="btn-edit-entry" type="primary" block onClick={() => go(ROUTES.creationLogEdit, { id: entry.id })}>
            继续编辑
          </Button>
        ) : (
          <Button className="btn-correct-entry" block onClick={() => go(ROUTES.creationLogEdit, { correcting: entry.id })}>
            更正（新建一条更正动态）
          </Button>
        )}
      </View>
    </GuardedScreen>
  );
}
