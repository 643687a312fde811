import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { supervision } from '../../../shared/contract/evaluation-supervision';
import { FormField } from '../components/FormField';
import { LoadMore } from '../components/LoadMore';
import { Notice } from '../components/Notice';
import { ReportCard } from '../components/ReportCard';
import { Screen, Section } from '../components/Screen';
import { useForm } from '../hooks/useForm';
import { usePagedList } from '../hooks/usePagedList';
import { chinaTime } from '../openweek-format';
import { myReports, mySupervision, redeemInvitation } from '../services';
import '../components/openweek.css';
import '../components/evaluation.css';

/**
 * 我的监督: a person accepts a managing unit's invitation (`invite`: the code from the link the admin sent,
 * or typed), sees the units they supervise for, and their 明察暗访 reports with each unit's decision.
 * Reports are written from a collective's 三亮 page.
 */
export default function MySupervision() {
  const { params } = useRouter();
  const [accepted, setAccepted] = useState<string | null>(null);
  const roles = usePagedList(async () => {
    const r = await mySupervision({});
    return r.ok ? { ok: true as const, data: { items: r.data.roles, nextCursor: null } } : r;
  }, `roles-${accepted ?? ''}`);
  const reports = usePagedList((cursor) => myReports({ cursor }), 'reports');
  const form = useForm(supervision.redeemInvitation.input, { initial: { code: params.invite ?? '' } });
  const redeem = async () => {
    const result = await form.submit((input) => redeemInvitation(input));
    if (result?.ok) {
      setAccepted(result.data.role.unitName);
      form.reset({ code: '' });
    }
  };
  return (
    <Screen title="我的监督" className="my-supervision">
      <Section title="接受邀请" className="redeem-invitation">
        {accepted ? <Notice tone="info" className="redeem-done">您已成为「{accepted}」聘任的社会监督员。</Notice> : null}
        <FormField {...form.field('code')} label="邀请码" placeholder="管理单位发给您的12位邀请码" maxLength={12} />
        <Notice>{form.notice}</Notice>
        <View className="form-actions">
          <Button className="btn-redeem" type="primary" block loading={form.submitting} onClick={() => void redeem()}>
            接受邀请
          </Button>
        </View>
      </Section>
      <Section title="我担任的社会监督员" className="supervisor-roles">
        {roles.items.map((role) => (
          <View key={role.id} className="list-item supervisor-role">
            <View className="list-item__main">
              <View className="list-item__title">{role.unitName}</View>
              <View className="list-item__meta">自 {chinaTime(role.since)} 起 · 可在其辖区集体的三亮主页提交明察暗访报告</View>
            </View>
          </View>
        ))}
        <LoadMore list={roles} empty="尚未担任社会监督员：请输入管理单位发给您的邀请码" />
      </Section>
      <Section title="我的明察暗访报告" className="my-reports">
        {reports.items.map((report) => (
          <ReportCard key={report.id} report={report} />
        ))}
        <LoadMore list={reports} empty="还没有提交过报告" />
      </Section>
    </Screen>
  );
}
