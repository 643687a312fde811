import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { CollectiveComplaintView } from '../../../../shared/contract/evaluation-views';
import { FormField } from '../../components/FormField';
import { LoadMore } from '../../components/LoadMore';
import { Notice } from '../../components/Notice';
import { Screen } from '../../components/Screen';
import { usePagedList } from '../../hooks/usePagedList';
import { chinaTime } from '../../openweek-format';
import { collectiveComplaints, rectifyComplaint } from '../../services';
import '../../components/openweek.css';
import '../../components/evaluation.css';

/** The collective's report of its rectification; a refused one keeps what was typed and says why at the field. */
function Report({ complaint, onDone }: { complaint: CollectiveComplaintView; onDone: () => void }) {
  const [text, setText] = useState(complaint.collectiveRectification?.state === 'returned' ? complaint.collectiveRectification.text : '');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    const result = await rectifyComplaint({ complaintId: complaint.id, text });
    setSaving(false);
    if (result.ok) onDone();
    else setError(result.error.fields?.text ?? result.error.message);
  };
  return (
    <View className="complaint-rectification">
      <FormField name="text" label="整改情况" multiline maxLength={1000} value={text} error={error} placeholder="采取的措施、完成时间和效果" onChange={(value) => { setText(value); setError(undefined); }} />
      <View className="form-actions">
        <Button className="btn-rectify-complaint" type="primary" block loading={saving} onClick={() => void save()}>
          提交整改情况
        </Button>
      </View>
    </View>
  );
}

/**
 * 投诉整改: complaints about the collective its managing unit found 属实 and asked it to put right. It reports
 * what it did; the unit confirms it (the complainant then reads it) or returns it with a reason. Neither the
 * complaint's text nor who wrote it is shown here.
 */
export default function CollectiveComplaints() {
  const list = usePagedList((cursor) => collectiveComplaints({ cursor }), 'collective-complaints');
  return (
    <Screen title="投诉整改" className="collective-complaints">
      {list.items.map((c) => (
        <View key={c.id} className="case-card collective-complaint">
          <View className="case-card__due">{c.categoryLabel} · 管理单位答复于 {chinaTime(c.response.at)}</View>
          <View className="case-reply">管理单位答复（{c.response.verdictLabel}）：{c.response.text}</View>
          <View className="complaint-request">整改要求：{c.response.rectificationRequest}</View>
          {c.collectiveRectification ? (
            <View className="case-reply complaint-rectification-state">
              {c.collectiveRectification.stateLabel}：{c.collectiveRectification.text}
              {c.collectiveRectification.review?.comment ? `\n管理单位意见：${c.collectiveRectification.review.comment}` : ''}
            </View>
          ) : null}
          {!c.collectiveRectification || c.collectiveRectification.state === 'returned' ? <Report complaint={c} onDone={list.reload} /> : null}
        </View>
      ))}
      <LoadMore list={list} empty="没有需要整改的投诉" />
      <Notice tone="info">经管理单位核实属实并要求整改的投诉列在这里；报告整改情况后由管理单位确认。</Notice>
    </Screen>
  );
}
