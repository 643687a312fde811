import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import type { ManagedEventView } from '../../../../shared/contract/openweek-views';
import { Picture } from '../../components/Picture';
import { Section } from '../../components/Screen';
import { addSummaryPhoto, recordSummary } from '../../services';
import { useRun, type Feedback } from './feedback';

/** After the event: what happened, with up to nine photos from the day. */
export function EventSummary({ event, feedback }: { event: ManagedEventView; feedback: Feedback }) {
  const [summary, setSummary] = useState('');
  // Photos added here but not yet saved with the summary; until then the saved ones.
  const [photos, setPhotos] = useState<string[] | null>(null);
  const { busy, run } = useRun(feedback);
  const shownPhotos = photos ?? event.summaryPhotos;

  const addPhoto = async () => {
    const result = await addSummaryPhoto(event.id);
    if (!result) return;
    if (result.ok) setPhotos([...shownPhotos, result.data.url]);
    else feedback.show(result.error.message, 'fail');
  };

  return (
    <Section title="活动总结" className="ow-summary">
      {event.summary ? <View className="event-detail__desc event-summary">{event.summary}</View> : null}
      <View className="form-field">
        <TextArea className="field-summary" value={summary} placeholder="活动开展情况（10字以上）" maxLength={2000} autoSize onChange={setSummary} />
      </View>
      <View className="ow-row-actions summary-photos">
        {shownPhotos.map((url) => (
          <Picture key={url} className="summary-photo" src={url} alt="活动现场照片" mode="aspectFill" style={{ width: '160px', height: '160px' }} />
        ))}
        {shownPhotos.length < 9 ? (
          <Button className="btn-add-photo" size="small" onClick={() => void addPhoto()}>
            添加照片
          </Button>
        ) : null}
      </View>
      <View className="form-actions">
        <Button className="btn-save-summary" type="primary" block loading={busy} onClick={() => void run(() => recordSummary({ eventId: event.id, summary, photos: shownPhotos }), '已记录')}>
          保存总结
        </Button>
      </View>
    </Section>
  );
}
