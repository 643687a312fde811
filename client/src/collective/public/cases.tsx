import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { CaseView } from '../../../../shared/contract/evaluation-views';
import { replyInput } from '../../../../shared/contract/evaluation';
import { REPLY_KIND_LABELS, REPLY_KINDS } from '../../../../shared/domain/evaluation/rules';
import { chinaDate } from '../../../../shared/domain/working-days';
import { ChoiceField } from '../../components/ChoiceField';
import { FormField } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { EvaluationCard } from '../../components/PublicFace';
import { Screen } from '../../components/Screen';
import { StatusTabs } from '../../components/StatusTabs';
import { useForm } from '../../hooks/useForm';
import { usePagedList } from '../../hooks/usePagedList';
import { chinaTime } from '../../openweek-format';
import { collectiveCases, replyToCase } from '../../services';
import '../../components/openweek.css';
import '../../components/evaluation.css';

const KIND_CHOICES = REPLY_KINDS.map((value) => ({ value, label: REPLY_KIND_LABELS[value] }));

/** One open 差评 with its deadline and the answer form: 整改 or 说明, kept as typed when refused. */
function OpenCase({ item, onAnswered }: { item: CaseView; onAnswered: () => void }) {
  const form = useForm(replyInput, { initial: { kind: '', text: '' }, fixed: { caseId: item.id } });
  const submit = async () => {
    const result = await form.submit((input) => replyToCase(input));
    if (result?.ok) onAnswered();
  };
  return (
    <View className={`case-card ${item.overdue ? 'case-card--overdue' : ''}`}>
      <EvaluationCard evaluation={item.evaluation} />
      <View className="case-card__due case-due">
        {item.overdue ? <Text className="case-overdue">已逾期 · </Text> : null}
        答复期限：{chinaDate(new Date(Date.parse(item.dueAt) - 1))}（含当日，北京时间）
      </View>
      <ChoiceField {...form.field('kind')} label="答复方式" options={KIND_CHOICES} />
      <FormField {...form.field('text')} label="答复内容" multiline maxLength={1000} placeholder="回访情况，整改措施或情况说明" />
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-reply-case" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          提交答复
        </Button>
      </View>
    </View>
  );
}

const TABS = [
  ['open', '待答复'],
  ['answered', '已答复'],
] as const;

/**
 * 差评回访: each 差评 is answered within the working days allowed (deadline shown, overdue marked), with
 * 整改 or 说明; the evaluator reads the answer. Answered ones are listed apart.
 */
export default function CollectiveCases() {
  const [status, setStatus] = useState<'open' | 'answered'>('open');
  const list = usePagedList((cursor) => collectiveCases({ status, cursor }), status);
  return (
    <Screen title="差评回访" className="collective-cases">
      <StatusTabs tabs={TABS} value={status} onChange={setStatus} />
      {list.items.map((item) =>
        item.status === 'open' ? (
          <OpenCase key={item.id} item={item} onAnswered={list.reload} />
        ) : (
          <View key={item.id} className="case-card">
            <EvaluationCard evaluation={item.evaluation} />
            {item.reply ? (
              <View className="case-reply">
                答复（{item.reply.kindLabel}，{chinaTime(item.reply.at)}）：{item.reply.text}
              </View>
            ) : null}
          </View>
        ),
      )}
      <LoadMore list={list} empty={status === 'open' ? '没有待答复的差评' : '还没有答复过差评'} />
    </Screen>
  );
}
