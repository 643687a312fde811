import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { complainInput } from '../../../shared/contract/evaluation';
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, MAX_COMPLAINT_LENGTH, type ComplaintCategory } from '../../../shared/domain/evaluation/complaints';
import { FormField } from '../components/FormField';
import { Notice } from '../components/Notice';
import { Screen, Section } from '../components/Screen';
import { Tappable } from '../components/Tappable';
import { useForm } from '../hooks/useForm';
import { complain, type CallOutput } from '../services';
import { go, ROUTES } from '../routes';
import '../components/openweek.css';
import '../components/evaluation.css';

type Done = CallOutput<'evaluation', 'complain'>;

/**
 * 投诉 about a collective (`code`): a category, what happened, and an optional phone that only the managing
 * unit sees. A refused text stays in the box with the reason under it.
 */
export default function ComplainPage() {
  const { params } = useRouter();
  const code = params.code ?? '';
  const [category, setCategory] = useState<ComplaintCategory | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const form = useForm(complainInput, {
    initial: { text: '', phone: '' },
    fixed: { code, ...(category ? { category } : {}) },
    optional: ['phone'],
    check: (): Record<string, string> => (category ? {} : { category: '投诉类别：请选择' }),
  });

  if (done) {
    return (
      <Screen title="投诉" className="complain-page complain-result">
        <View className="signup-result__head signup-result__head--success">
          <View className="signup-result__icon">✓</View>
          <View className="signup-result__title result-title">投诉已提交</View>
          <View className="signup-result__detail">已转「{done.complaint.collective.name}」的管理单位核实，答复后可在“我的投诉”中查看。</View>
        </View>
        <View className="form-actions">
          <Button className="btn-my-complaints" type="primary" block onClick={() => go(ROUTES.myComplaints)}>
            我的投诉
          </Button>
          <Button className="btn-public-page" block onClick={() => go(ROUTES.collective, { code })}>
            返回三亮主页
          </Button>
        </View>
      </Screen>
    );
  }

  const submit = async () => {
    const result = await form.submit((input) => complain(input));
    if (result?.ok) {
      setDone(result.data);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    }
  };

  return (
    <Screen title="投诉" className="complain-page">
      <Section title="投诉类别（必选）">
        <View id="form-field-category" className="tag-choices" role="radiogroup" aria-label="投诉类别">
          {COMPLAINT_CATEGORIES.map((c) => (
            <Tappable key={c} className={`tag-choice ${category === c ? 'tag-choice--on' : ''}`} label={`${COMPLAINT_CATEGORY_LABELS[c]}${category === c ? '（已选）' : ''}`} onTap={() => setCategory(c)}>
              {COMPLAINT_CATEGORY_LABELS[c]}
            </Tappable>
          ))}
        </View>
        {form.errors.category ? <Notice>{form.errors.category}</Notice> : null}
      </Section>
      <Section title="投诉内容（必填）">
        <FormField {...form.field('text')} label="投诉内容" multiline maxLength={MAX_COMPLAINT_LENGTH} placeholder="时间、地点、经过，越具体越便于核实" />
      </Section>
      <Section title="联系电话（选填）">
        <FormField {...form.field('phone')} label="联系电话" kind="phone" hint="只有受理投诉的管理单位能看到，集体和公众都看不到" />
      </Section>
      <Notice tone="info">投诉由该集体的管理单位核实并答复，不公开显示。</Notice>
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-submit-complaint" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          提交投诉
        </Button>
        <Tappable className="link link-my-complaints" onTap={() => go(ROUTES.myComplaints)}>
          我的投诉
        </Tappable>
      </View>
    </Screen>
  );
}
