import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { EntryDetail } from '../../components/EntryDetail';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { GuardedScreen } from '../../components/GuardedScreen';
import { useSignedIn } from '../../hooks/useSession';
import { getMyEntry, type CallOutput } from '../../services';
import { go, ROUTES } from '../../routes';

type Entry = CallOutput<'creationlog', 'getMine'>['entry'];

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
