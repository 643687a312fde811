import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import { ISSUERS } from '../../../../shared/domain/roles';
import { FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { OneTimePassword } from '../../components/OneTimePassword';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { useForm } from '../../hooks/useForm';
import { useSignedIn } from '../../hooks/useSession';
import { requestTransfer, transferCollective, type CallOutput } from '../../services';
import { go, ROUTES } from '../../routes';
import './filings.css';

/**
 * 归口平台选错: the admin of the proper unit takes a collective over with its old code and the name it
 * filed under; a new code is issued here and the old one stops working. `?unitId=` picks a unit below the caller's.
 * A collective of another branch cannot be taken: the page offers to send that branch a request instead.
 */
export default function Transfer() {
  const { params } = useRouter();
  const guard = useSignedIn({ audiences: ISSUERS });
  const frame = { guard, title: '接收集体', denied: '只有组委会办公室和一级管理员可以接收集体' };
  const toUnitId = params.unitId || (guard.state === 'ready' ? guard.account.unitId : '');
  const [done, setDone] = useState<CallOutput<'review', 'transferCollective'> | null>(null);
  const [needsRequest, setNeedsRequest] = useState(false);
  const [requested, setRequested] = useState(false);
  const form = useForm(contract.review.transferCollective.input, { initial: { code: '', name: '', reason: '' }, fixed: { toUnitId } });

  const submit = async () => {
    if (needsRequest) {
      const result = await form.submit(requestTransfer);
      if (result?.ok) setRequested(true);
      return;
    }
    const result = await form.submit(transferCollective);
    if (result?.ok) setDone(result.data);
    else if (result?.error.code === 'TRANSFER_NEEDS_APPROVAL') setNeedsRequest(true);
  };
  if (requested) {
    return (
      <GuardedScreen {...frame} className="transfer transfer--requested">
        <Notice tone="success" className="result-message">转移申请已提交，待该集体所在一级单位管理员或组委会办公室审批；批准后在“集体转移申请”中领取新用户名和初始密码。</Notice>
        <View className="form-actions">
          <Button className="btn-transfer-requests" block onClick={() => go(ROUTES.adminTransferRequests)}>查看转移申请</Button>
        </View>
      </GuardedScreen>
    );
  }
  if (done) {
    return (
      <GuardedScreen {...frame} className="transfer transfer--done">
        <Notice tone="success" className="result-message">已接收「{done.account.name}」，原用户名已注销</Notice>
        {done.possibleDuplicates.length ? (
          <Notice tone="warn" className="transfer-duplicates">
            注意：另有名称相同的集体：{done.possibleDuplicates.map((d) => `${d.name}（${[d.unitName, d.code].filter(Boolean).join('，')}）`).join('；')}
          </Notice>
        ) : null}
        <OneTimePassword account={done.account} password={done.oneTimePassword} title="新用户名和初始密码" />
      </GuardedScreen>
    );
  }
  return (
    <GuardedScreen {...frame} className="transfer">
      <View className="page-intro">集体报备时选错了归口平台：凭原用户名和前次报备时使用的名称接收到本单位，集体的报备和历史记录随之转来，原用户名注销，并派发新用户名。</View>
      <Section>
        <FormField {...form.field('code')} label="原用户名" maxLength={20} />
        <FormField {...form.field('name')} label="前次报备名称" maxLength={60} />
        <FormField {...form.field('reason')} label="原因" multiline maxLength={200} />
      </Section>
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className={needsRequest ? 'btn-request-transfer' : 'btn-submit'} type="primary" block loading={form.submitting} onClick={() => void submit()}>
          {needsRequest ? '提交转移申请' : '接收并派发新用户名'}
        </Button>
      </View>
    </GuardedScreen>
  );
}
