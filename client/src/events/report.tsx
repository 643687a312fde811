import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { fileReportInput } from '../../../shared/contract/evaluation-supervision';
import type { Rating } from '../../../shared/domain/evaluation/rules';
import { MAX_REPORT_LENGTH, MAX_REPORT_PHOTOS } from '../../../shared/domain/evaluation/supervision';
import { chinaDate } from '../../../shared/domain/working-days';
import { DateField } from '../components/DateField';
import { RatingChoices, TagChoices } from '../components/EvaluationChoices';
import { FormField } from '../components/FormField';
import { LoadFailed } from '../components/LoadFailed';
import { Notice } from '../components/Notice';
import { PhotoField } from '../components/PhotoField';
import { Screen, Section } from '../components/Screen';
import { useForm } from '../hooks/useForm';
import { fileReport, mySupervision, uploadReportPhotos, type CallOutput } from '../services';
import { go, ROUTES } from '../routes';
import '../components/openweek.css';
import '../components/evaluation.css';

type Target = NonNullable<CallOutput<'evaluation', 'mySupervision'>['target']>;

/**
 * 明察暗访: a supervisor's report about a collective (`code`) of their unit's subtree — the visit's date, the
 * level, tags, what they saw and up to three photos. It goes to the managing unit, which decides whether
 * the collective sees it; a refusal keeps everything typed, with the reason under its field.
 */
export default function ReportPage() {
  const { params } = useRouter();
  const code = params.code ?? '';
  const [target, setTarget] = useState<Target | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [rating, setRating] = useState<Rating | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [photos, setPhotos] = useState<string[]>([]);
  const [photoError, setPhotoError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const load = () => {
    setError(null);
    void mySupervision({ code }).then((r) => (r.ok ? setTarget(r.data.target) : setError(r.error.message)));
  };
  useEffect(load, [code]);

  const form = useForm(fileReportInput, {
    initial: { visitDate: chinaDate(new Date()), text: '' },
    fixed: { supervisorId: target?.supervisorId ?? '', code, tags, photos, ...(rating ? { rating } : {}) },
    check: (): Record<string, string> => (rating ? {} : { rating: '满意程度：请选择' }),
  });

  const title = '明察暗访报告';
  if (error) return <Screen title={title} className="report-page"><LoadFailed message={error} onRetry={load} /></Screen>;
  if (target === undefined) return <Screen title={title} className="report-page"><View className="list-foot list-loading">加载中…</View></Screen>;
  if (target === null) {
    return (
      <Screen title={title} className="report-page">
        <Notice className="report-not-supervisor">您不是该集体所属管理单位聘任的社会监督员，不能对其监督查评。</Notice>
        <View className="form-actions">
          <Button className="btn-my-supervision" block onClick={() => go(ROUTES.mySupervision)}>我的监督</Button>
        </View>
      </Screen>
    );
  }
  if (done) {
    return (
      <Screen title={title} className="report-page report-result">
        <View className="signup-result__head signup-result__head--success">
          <View className="signup-result__icon">✓</View>
          <View className="signup-result__title result-title">报告已提交管理单位</View>
          <View className="signup-result__detail">管理单位决定转发后，集体才能看到这份报告，且不显示您的身份。</View>
        </View>
        <View className="form-actions">
          <Button className="btn-my-supervision" type="primary" block onClick={() => go(ROUTES.mySupervision)}>我的监督</Button>
          <Button className="btn-public-page" block onClick={() => go(ROUTES.collective, { code: target.collective.code })}>返回三亮主页</Button>
        </View>
      </Screen>
    );
  }

  const toggle = (tag: string) => setTags((prev) => (prev.includes(tag) ? prev.filter((t) => t !== tag) : [...prev, tag]));
  const submit = async () => {
    const result = await form.submit((input) => fileReport(input));
    if (result?.ok) {
      setDone(true);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    } else if (result && !result.ok && result.error.fields?.photos) setPhotoError(result.error.fields.photos);
  };

  return (
    <Screen title={title} className="report-page">
      <View className="evaluation-target">
        <View className="evaluation-target__name report-collective">{target.collective.name}</View>
        <View className="evaluation-channel">监督查评 · 先交管理单位，经转发后集体可见</View>
      </View>
      <Section title="查访">
        <DateField {...form.field('visitDate')} label="查访日期" mode="date" />
      </Section>
      <Section title="满意程度（必选）">
        <RatingChoices value={rating} onChange={setRating} />
      </Section>
      {target.tags.length ? (
        <Section title="评价方面（可多选）">
          <TagChoices tags={target.tags} picked={tags} onToggle={toggle} />
        </Section>
      ) : null}
      <Section title="查访情况">
        <FormField {...form.field('text')} label="查访情况" multiline maxLength={MAX_REPORT_LENGTH} placeholder="时间、地点、所见所闻，以及对照公开承诺的情况" />
        <PhotoField
          name="photos"
          label="照片"
          max={MAX_REPORT_PHOTOS}
          photos={photos}
          onChange={(next) => {
            setPhotos(next);
            setPhotoError(undefined);
          }}
          upload={(room) => uploadReportPhotos(target.supervisorId, room)}
          error={photoError}
        />
      </Section>
      <Notice tone="info">报告只交给聘任您的管理单位；转发给集体时不显示您的姓名和身份。</Notice>
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-submit-report" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          提交报告
        </Button>
      </View>
    </Screen>
  );
}
