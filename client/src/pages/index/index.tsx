import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { AccountView } from '../../../../shared/contract';
import { audienceOf } from '../../../../shared/domain/roles';
import { EventList } from '../../components/EventList';
import { FilingBadge } from '../../components/FilingSteps';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Screen';
import { Screen } from '../../components/Screen';
import { useSession } from '../../hooks/useSession';
import { getMyFiling, refreshSession, type CallOutput } from '../../services';
import { lastFilingDay } from '../../../../shared/domain/filing/window';
import { go, ROUTES } from '../../routes';
import './index.css';

/**
 * Tab 首页, the same for everyone: the open-week list and what the campaign is. A signed-in collective also
 * sees where its filing is; every member reaches the console from tab 我的.
 */
export default function Home() {
  const session = useSession();
  return (
    <Screen title="青年文明号" className="home">
      <View className="hero">
        <View className="hero__name">青年文明号在线</View>
        <View className="hero__tagline">青年文明号创建工作网络平台</View>
      </View>
      {session.status === 'unreachable' ? <LoadFailed message={session.error.message} onRetry={() => void refreshSession()} /> : null}
      {session.status === 'signedIn' ? <MemberBar account={session.account} /> : null}
      <Section title="开放周 · 走进青年文明号" className="home-openweek">
        <EventList />
      </Section>
      <Section title="关于青年文明号">
        <View className="intro">
          <View className="intro__p">
            青年文明号是共青团组织倡导、以青年集体为创建主体、立足岗位争创一流的荣誉称号。集体按行业或地方归口完成网络报备并通过管理单位审核，即成为当届创建集体，在创建过程中亮身份、亮形象、亮承诺，接受管理单位的指导监督和社会评价。
          </View>
          <View className="intro__p">
            本平台服务于青年文明号创建工作：管理单位派发用户名、组织报备与审核，青年集体报备创建计划、记录创建工作动态。
          </View>
        </View>
      </Section>
      {session.status === 'signedOut' ? (
        <View className="links">
          <Text className="link link-member-sign-in" onClick={() => go(ROUTES.signIn)}>
            集体/管理员登录
          </Text>
        </View>
      ) : null}
    </Screen>
  );
}

/** One line for a signed-in member; a collective gets its filing at a glance instead. */
function MemberBar({ account }: { account: AccountView }) {
  if (audienceOf(account) === 'collective') return <FilingCard />;
  return (
    <View className="member-bar" onClick={() => go(ROUTES.mine)}>
      <Text className="member-bar__name">{account.name}</Text>
      <Text className="member-bar__link">管理后台 ›</Text>
    </View>
  );
}

/** The collective's filing: its state as a badge, the deadline while it can still act, a return's feedback. */
function FilingCard() {
  const [data, setData] = useState<CallOutput<'filing', 'getMine'> | null>(null);
  useEffect(() => {
    void getMyFiling({}).then((result) => result.ok && setData(result.data));
  }, []);
  if (!data?.campaign) return null;
  const { campaign, filing } = data;
  const canAct = !filing || filing.status === 'draft' || filing.status === 'returned';
  return (
    <View className="filing-card" onClick={() => go(ROUTES.collectiveFilingStatus)}>
      <View className="filing-card__row">
        <Text className="filing-card__title">我的报备</Text>
        <FilingBadge status={filing?.status ?? null} label={filing?.statusLabel ?? '尚未报备'} />
      </View>
      <View className="filing-card__meta">{campaign.name}</View>
      {canAct && campaign.windowState === 'open' ? (
        <View className="filing-card__meta filing-deadline">截止日期：{lastFilingDay(campaign.rules.window)}（含当日）</View>
      ) : null}
      {filing?.status === 'returned' && filing.feedback ? (
        <Notice tone="warn" className="filing-returned-banner">
          已退回，请按意见修改后重新提交：{filing.feedback}
        </Notice>
      ) : null}
    </View>
  );
}
