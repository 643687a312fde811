import { useEffect, useRef, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { CallOutput } from '../../services';
import { ROLE_LABELS } from '../../../../shared/domain/roles';
import { Checks, History, Opinions } from '../../components/FilingParts';
import { FilingBadge, FilingTimeline } from '../../components/FilingSteps';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useSignedIn } from '../../hooks/useSession';
import { getMyFiling } from '../../services';
import { formatTime } from '../../format';
import { go, ROUTES } from '../../routes';
import './filing.css';

/** Where the filing is, the reviewers' feedback on a return, and who decided what, when. */
export default function FilingStatus() {
  const { params } = useRouter();
  const guard = useSignedIn({ audiences: ['collective'] });
  const frame = { guard, title: '报备状态', denied: '只有集体帐号可以查看报备状态' };
  const [data, setData] = useState<CallOutput<'filing', 'getMine'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    void getMyFiling({}).then((result) => (result.ok ? setData(result.data) : setError(result.error.message)));
  useEffect(() => {
    if (guard.state === 'ready') load();
  }, [guard.state]);
  // Coming back to the page (from the form): show the new state.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && guard.state === 'ready') load();
    shown.current = true;
  });

  if (error) return <GuardedScreen {...frame} className="filing-status-page"><LoadFailed message={error} onRetry={() => { setError(null); load(); }} /></GuardedScreen>;
  if (!data) return <GuardedScreen {...frame} className="filing-status-page"><View className="list-loading">加载中…</View></GuardedScreen>;

  const { campaign, collective, filing } = data;
  return (
    <GuardedScreen {...frame} className="filing-status-page">
      {params.submitted ? <Notice tone="success" className="result-message">提交成功，已成为报备集体，进入管理员的审核序列</Notice> : null}
      <Section>
        <View className="kv">
          <Text className="kv__key">集体</Text>
          <Text className="kv__value collective-name">{collective.name}</Text>
        </View>
        {collective.formerNames.length ? (
          <View className="kv">
            <Text className="kv__key">曾用名称</Text>
            <Text className="kv__value collective-former-names">{collective.formerNames.join('、')}</Text>
          </View>
        ) : null}
        <View className="kv">
          <Text className="kv__key">创建工作</Text>
          <Text className="kv__value">{campaign?.name ?? '暂无'}</Text>
        </View>
        <View className="kv">
          <Text className="kv__key">状态</Text>
          <View className={`kv__value filing-status filing-status--${filing?.status ?? 'none'}`}>
            <FilingBadge status={filing?.status ?? null} label={filing?.statusLabel ?? '尚未报备'} />
          </View>
        </View>
        {filing?.stage ? (
          <View className="kv">
            <Text className="kv__key">当前环节</Text>
            <Text className="kv__value filing-stage">
              {filing.stageUnitName} {ROLE_LABELS[`admin${filing.stage}`]}审核中
            </Text>
          </View>
        ) : null}
        {filing?.submittedAt ? (
          <View className="kv">
            <Text className="kv__key">提交时间</Text>
            <Text className="kv__value">{formatTime(filing.submittedAt)}</Text>
          </View>
        ) : null}
      </Section>
      {filing?.status === 'returned' && filing.feedback ? (
        <Notice tone="warn" className="filing-feedback">退回意见：{filing.feedback}</Notice>
      ) : null}
      <Section title="报备进度" className="filing-progress">
        <FilingTimeline filing={filing} />
      </Section>
      {filing ? <Checks checks={filing.checks} /> : null}
      {filing ? <Opinions opinions={filing.opinions} /> : null}
      {filing ? <History history={filing.history} /> : null}
      <View className="form-actions">
        {!filing || filing.status === 'draft' || filing.status === 'returned' ? (
          <Button className="btn-edit-filing" type="primary" block onClick={() => go(ROUTES.collectiveFiling)}>
            {filing?.status === 'returned' ? '修改并重新提交' : '填写报备'}
          </Button>
        ) : null}
      </View>
    </GuardedScreen>
  );
}
