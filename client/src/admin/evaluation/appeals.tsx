import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { AppealView } from '../../../../shared/contract/evaluation-views';
import { decideAppealInput } from '../../../../shared/contract/evaluation';
import { ISSUERS } from '../../../../shared/domain/roles';
import { AppealList } from '../../components/AppealList';
import { ChoiceField } from '../../components/ChoiceField';
import { FormField } from '../../components/FormField';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Notice } from '../../components/Notice';
import { useForm } from '../../hooks/useForm';
import { useSignedIn } from '../../hooks/useSession';
import { decideAppeal } from '../../services';
import '../../components/openweek.css';
import '../../components/evaluation.css';

const DECISIONS = [
  { value: 'uphold', label: '成立（不计入）' },
  { value: 'reject', label: '不成立（维持）' },
];

/** The decision under one pending appeal: 成立 folds the evaluation, 不成立 keeps it; the opinion is required. */
function Decide({ appeal, onDecided }: { appeal: AppealView; onDecided: () => void }) {
  const [decision, setDecision] = useState('');
  const form = useForm(decideAppealInput, {
    initial: { comment: '' },
    fixed: { appealId: appeal.id, ...(decision ? { uphold: decision === 'uphold' } : {}) },
  });
  const submit = async () => {
    const result = await form.submit((input) => decideAppeal(input));
    if (result?.ok) onDecided();
  };
  return (
    <View className="appeal-decide">
      <ChoiceField name="uphold" label="复核决定" options={DECISIONS} value={decision} required onChange={setDecision} />
      <FormField {...form.field('comment')} label="复核意见" multiline maxLength={500} />
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-decide-appeal" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          提交复核
        </Button>
      </View>
    </View>
  );
}

/** 评价申诉 for the office and level-1 admins: each pending appeal under its evaluation, decided here. */
export default function AdminAppeals() {
  const guard = useSignedIn({ audiences: ISSUERS });
  return (
    <GuardedScreen guard={guard} title="评价申诉" className="admin-appeals" denied="只有一级管理员和组委会办公室可以复核申诉">
      <AppealList enabled={guard.state === 'ready'} action={(appeal, reload) => <Decide appeal={appeal} onDecided={reload} />} />
    </GuardedScreen>
  );
}
