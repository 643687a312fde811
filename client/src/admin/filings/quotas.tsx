import { useCallback, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import type { QuotaView } from '../../../../shared/contract/filing-views';
import { ADMINS } from '../../../../shared/domain/roles';
import { Notice } from '../../components/Notice';
import { ADMIN_ONLY, GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { importQuotas, listQuotas, pickFile } from '../../services';
import { useLatestCampaign } from './useCampaign';
import './filings.css';

/** 名额分配表 beside the filings so far; the office imports the table from a spreadsheet. */
export default function Quotas() {
  const guard = useSignedIn({ audiences: ADMINS });
  const { campaign, error } = useLatestCampaign(guard.state === 'ready');
  const [items, setItems] = useState<QuotaView[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const { toast, show } = useToast();
  const load = useCallback(async () => {
    if (!campaign) return;
    const result = await listQuotas({ campaignId: campaign.id });
    if (result.ok) setItems(result.data.items);
    else setNotice(result.error.message);
  }, [campaign]);
  useEffect(() => void load(), [load]);

  const importSheet = async () => {
    if (!campaign) return;
    const file = await pickFile(['xlsx', 'csv']);
    if (!file) return;
    const input = { campaignId: campaign.id, fileName: file.name, content: file.base64 };
    // The contract's limits (type, size) are checked before a large file travels at all.
    const checked = contract.campaign.importQuotas.input.safeParse(input);
    if (!checked.success) return setNotice(checked.error.issues[0].message);
    const result = await importQuotas(input);
    if (!result.ok) return setNotice(result.error.message);
    setNotice(result.data.unmatched.length ? `以下行没有同名的一级单位，未导入：${result.data.unmatched.map((u) => `第${u.row}行 ${u.name}`).join('；')}` : null);
    show(`已导入 ${result.data.imported} 个单位的名额`, 'success');
    void load();
  };

  return (
    <GuardedScreen guard={guard} title="名额分配" className="quotas" denied={ADMIN_ONLY}>
      <Notice>{error}</Notice>
      {campaign ? <View className="page-intro">{campaign.name}</View> : null}
      <Section>
        <View className="quota-row quota-row--head">
          <Text className="quota-row__name">单位</Text>
          <Text className="quota-row__num">名额/基数</Text>
          <Text className="quota-row__num">应完成</Text>
          <Text className="quota-row__num">已报备</Text>
          <Text className="quota-row__num">创建集体</Text>
        </View>
        {items.map((q) => (
          <View key={q.unitId} className="quota-row">
            <Text className="quota-row__name">{q.unitName}</Text>
            <Text className="quota-row__num">{q.places ?? q.base ?? '—'}</Text>
            <Text className="quota-row__num">{q.requiredFilings ?? '—'}</Text>
            <Text className="quota-row__num quota-filed">{q.filed}</Text>
            <Text className="quota-row__num quota-approved">{q.approved}</Text>
          </View>
        ))}
      </Section>
      <Notice tone="warn">{notice}</Notice>
      {guard.state === 'ready' && guard.account.role === 'office' ? (
        <View className="form-actions">
          <Button className="btn-import-quotas" type="primary" block onClick={() => void importSheet()}>
            导入名额分配表（xlsx / csv）
          </Button>
        </View>
      ) : null}
      {toast}
    </GuardedScreen>
  );
}
