import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { appealInput } from '../../../shared/contract/evaluation';
import { APPEAL_GROUND_LABELS, APPEAL_GROUNDS } from '../../../shared/domain/evaluation/rules';
import { useForm } from '../hooks/useForm';
import { appealEvaluation } from '../services';
import { ChoiceField } from './ChoiceField';
import { FormField } from './FormField';
import { Notice } from './Notice';
import { Tappable } from './Tappable';

const GROUNDS = APPEAL_GROUNDS.map((value) => ({ value, label: APPEAL_GROUND_LABELS[value] }));

/** 申诉 under one evaluation: folded until asked for; once sent, it says so. */
export function AppealForm({ evaluationId }: { evaluationId: string }) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useForm(appealInput, { initial: { ground: '', reasons: '' }, fixed: { evaluationId } });
  if (sent) return <Notice tone="success" className="appeal-sent">已提交申诉，等待一级管理员复核</Notice>;
  if (!open) {
    return (
      <Tappable className="link link-appeal" onTap={() => setOpen(true)}>
        申诉
      </Tappable>
    );
  }
  const submit = async () => {
    const result = await form.submit((input) => appealEvaluation(input));
    if (result?.ok) setSent(true);
  };
  return (
    <View className="appeal-form">
      <ChoiceField {...form.field('ground')} label="申诉理由" options={GROUNDS} />
      <FormField {...form.field('reasons')} label="申诉说明" multiline maxLength={500} placeholder="说明为何是误评或恶意评价（至少10个字）" />
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-submit-appeal" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          提交申诉
        </Button>
      </View>
    </View>
  );
}
