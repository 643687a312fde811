import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { AccountView } from '../../../../shared/contract';
import { ADMINS, ISSUERS, audienceOf } from '../../../../shared/domain/roles';
import { confirm } from '../../components/confirm';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { RecoveryLinks } from '../../components/RecoveryLinks';
import { Screen, Section } from '../../components/Screen';
import { useSession } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { refreshSession, signOut } from '../../services';
import { roleLabel, STATUS_LABELS } from '../../format';
import { go, restart, ROUTES, type Route } from '../../routes';
import '../index/index.css';

/** Tab 我的: sign-in for visitors; for members their account and every entrance of the console. */
export default function Mine() {
  const session = useSession();
  return (
    <Screen title="我的" className="mine">
      {session.status === 'unknown' ? <View className="home__loading">加载中…</View> : null}
      {session.status === 'unreachable' ? <LoadFailed message={session.error.message} onRetry={() => void refreshSession()} /> : null}
      {session.status === 'signedOut' ? <SignedOut /> : null}
      {session.status === 'signedIn' ? <Member account={session.account} /> : null}
    </Screen>
  );
}

function SignedOut() {
  return (
    <View className="mine-visitor">
      <Section title="集体和管理员">
        <View className="intro">
          <View className="intro__p">青年集体在这里报备创建计划、发布开放周活动；管理单位在这里审核报备、派发用户名。</View>
        </View>
      </Section>
      <View className="form-actions">
        <Button className="btn-sign-in" type="primary" block onClick={() => go(ROUTES.signIn)}>
          登录（集体/管理员）
        </Button>
      </View>
      <RecoveryLinks />
      <Section title="社会监督员" className="mine-supervision">
        <Entry className="entry-my-supervision" title="我的监督" desc="接受管理单位的邀请，查看我的明察暗访报告" route={ROUTES.mySupervision} />
      </Section>
      <View className="home__note">用户名由上级管理单位派发，不开放自行注册。参加开放周活动无需登录。</View>
    </View>
  );
}

function Entry({ title, desc, route, query, className }: { title: string; desc?: string; route: Route; query?: Record<string, string>; className: string }) {
  return (
    <View className={`list-item entry ${className}`} onClick={() => go(route, query)}>
      <View className="list-item__main">
        <View className="list-item__title">{title}</View>
        {desc ? <View className="list-item__meta">{desc}</View> : null}
      </View>
      <Text className="list-item__arrow">›</Text>
    </View>
  );
}

function Member({ account }: { account: AccountView }) {
  const audience = audienceOf(account);
  const isAdmin = ADMINS.includes(audience);
  const isIssuer = ISSUERS.includes(audience);
  const { toast, show } = useToast();
  const [leaving, setLeaving] = useState(false);

  const leave = async () => {
    if (!(await confirm({ title: '确认退出登录？', content: '退出后需要重新输入用户名和密码登录。', confirmText: '退出' }))) return;
    setLeaving(true);
    const result = await signOut();
    setLeaving(false);
    if (result.ok) restart(ROUTES.mine);
    else show(result.error.message, 'fail');
  };

  return (
    <View className="home-member">
      <View className="profile-card">
        <View className="profile-card__name account-name">{account.name}</View>
        <View className="profile-card__meta">
          <Text className="account-role">{roleLabel(account)}</Text>
          <Text className="profile-card__dot">·</Text>
          <Text className="account-unit">{account.unitName}</Text>
        </View>
        <View className="profile-card__code">
          用户名 <Text className="account-code">{account.code}</Text>
        </View>
      </View>

      {account.mustChangePassword ? (
        <Notice tone="warn">
          首次登录请修改初始密码。
          <Text className="link link-change-password" onClick={() => go(ROUTES.changePassword)}>
            去修改
          </Text>
        </Notice>
      ) : null}

      {isAdmin ? (
        <Section title="管理后台" className="home-admin">
          <Entry className="entry-filings" title="审核队列" desc="报备集体的初审、审核，申报表，报备统计表" route={ROUTES.adminFilings} />
          {audience === 'office' || audience === 'admin1' ? (
            <Entry className="entry-dashboard" title="报备进度" desc="各单位报备目标完成情况、超期待审、截止倒计时" route={ROUTES.adminDashboard} />
          ) : null}
          <Entry className="entry-ledger" title="五个一工作台账" desc="专题会议、集中培训、检查调研、主题创建活动、联系平台" route={ROUTES.adminLedger} />
          {audience === 'office' || audience === 'admin1' ? (
            <Entry className="entry-assessment" title="考评" desc="情况报告、工作台账确认、评分与排名" route={ROUTES.adminAssessment} />
          ) : null}
          <Entry className="entry-units" title="管理单位" desc="本单位及下级单位、名额" route={ROUTES.adminUnits} />
          <Entry className="entry-accounts" title="帐号管理" desc="查询、锁定、重置密码" route={ROUTES.adminAccounts} />
          {isIssuer ? (
            <Entry className="entry-issue" title="派发用户名" desc="为管理员或集体生成用户名和初始密码" route={ROUTES.adminIssue} />
          ) : null}
          <Entry className="entry-audit" title="操作记录" desc="本辖区内的每一项管理决定" route={ROUTES.adminAudit} />
          <Entry className="entry-admin-openweek" title="开放周监管" desc="辖区内的活动、统计，屏蔽不当活动" route={ROUTES.adminOpenweek} />
          <Entry className="entry-admin-creation-log" title="创建日志" desc="辖区内集体提交的创建日志、指导意见、未提交的集体" route={ROUTES.adminCreationLog} />
          <Entry className="entry-escalated-cases" title="转来的差评" desc="逾期未答复、评价人对处理不满意的差评" route={ROUTES.adminEscalatedCases} />
          <Entry className="entry-complaints" title="投诉处理" desc="辖区内集体收到的投诉：核实、答复、记录整改" route={ROUTES.adminComplaints} />
          <Entry className="entry-evaluation-reviews" title="待审核评价" desc="高风险评价人的评价、待审核的评价内容：计入或不计入" route={ROUTES.adminEvaluationReviews} />
          {isIssuer ? <Entry className="entry-appeals" title="评价申诉" desc="复核集体对误评、恶意评价的申诉" route={ROUTES.adminAppeals} /> : null}
          <Entry className="entry-supervisors" title="社会监督员" desc="聘任（一次性邀请码）、撤销社会监督员" route={ROUTES.adminSupervisors} />
          <Entry className="entry-supervision-reports" title="明察暗访报告" desc="社会监督员的报告：转发集体或不转发" route={ROUTES.adminSupervisionReports} />
          <Entry className="entry-evaluation-statistics" title="社会评价统计" desc="各单位评价数、满意率、差评、投诉、申诉及月度趋势" route={ROUTES.adminEvaluationStatistics} />
        </Section>
      ) : null}

      {audience === 'collective' ? (
        <Section title="我的集体" className="home-collective">
          <View className="kv">
            <Text className="kv__key">用户名</Text>
            <Text className="kv__value collective-code">{account.code}</Text>
          </View>
          <View className="kv">
            <Text className="kv__key">帐号状态</Text>
            <Text className="kv__value collective-status">{STATUS_LABELS[account.status]}</Text>
          </View>
          <View className="kv">
            <Text className="kv__key">管理单位</Text>
            <Text className="kv__value">{account.unitName}</Text>
          </View>
        </Section>
      ) : null}

      {audience === 'collective' ? (
        <Section title="创建报备" className="home-collective-filing">
          <Entry className="entry-filing" title="报备" desc="集体档案、创建计划、先进事迹" route={ROUTES.collectiveFiling} />
          <Entry className="entry-filing-status" title="报备状态" desc="审核进度、反馈意见和历史" route={ROUTES.collectiveFilingStatus} />
        </Section>
      ) : null}

      {audience === 'collective' ? (
        <Section title="开放周" className="home-collective-openweek">
          <Entry className="entry-openweek" title="开放周活动" desc="发布活动、报名名单、签到、导出" route={ROUTES.owEvents} />
        </Section>
      ) : null}

      {audience === 'collective' ? (
        <Section title="创建日志" className="home-collective-creation-log">
          <Entry className="entry-creation-log" title="创建日志" desc="记录创建工作动态，提交给上级管理单位" route={ROUTES.creationLog} />
        </Section>
      ) : null}

      {audience === 'collective' ? (
        <Section title="三亮与社会评价" className="home-collective-evaluation">
          <Entry className="entry-public-page" title="三亮主页" desc="公开承诺、服务地址和时间" route={ROUTES.collectivePublicPage} />
          <Entry className="entry-evaluations" title="收到的评价" desc="满意率和公众的评价" route={ROUTES.collectiveEvaluations} />
          <Entry className="entry-cases" title="差评回访" desc="限期答复：整改或说明" route={ROUTES.collectiveCases} />
          <Entry className="entry-appeals" title="申诉" desc="对误评、恶意评价的申诉及复核结果" route={ROUTES.collectiveAppeals} />
          <Entry className="entry-collective-complaints" title="投诉整改" desc="属实投诉的整改要求，报告整改情况" route={ROUTES.collectiveComplaints} />
        </Section>
      ) : null}

      <Section title="帐号与安全" className="home-security">
        <Entry className="entry-change-password" title="修改密码" route={ROUTES.changePassword} />
        <Entry
          className="entry-recovery-email"
          title="设置保密邮箱"
          desc={account.recoveryEmailMasked ? `当前：${account.recoveryEmailMasked}` : '未设置，忘记用户名或密码时用于找回'}
          route={ROUTES.recoveryEmail}
        />
      </Section>

      <View className="form-actions">
        <Button className="btn-sign-out" block loading={leaving} onClick={() => void leave()}>
          退出登录
        </Button>
      </View>
      {toast}
    </View>
  );
}
