import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { evaluateInput } from '../../../shared/contract/evaluation';
import { MAX_COMMENT_LENGTH, MAX_EVALUATION_PHOTOS, type Rating } from '../../../shared/domain/evaluation/rules';
import { RatingChoices, TagChoices } from '../components/EvaluationChoices';
import { FormField } from '../components/FormField';
import { LoadFailed } from '../components/LoadFailed';
import { Notice } from '../components/Notice';
import { PhotoField } from '../components/PhotoField';
import { EvaluationCard } from '../components/PublicFace';
import { Screen, Section } from '../components/Screen';
import { Tappable } from '../components/Tappable';
import { useForm } from '../hooks/useForm';
import { evaluate, evaluationForm, uploadEvaluationPhotos, type CallOutput } from '../services';
import { go, ROUTES } from '../routes';
import '../components/openweek.css';
import '../components/evaluation.css';

type Loaded = CallOutput<'evaluation', 'evaluationForm'>;
type Done = CallOutput<'evaluation', 'evaluate'>;

/**
 * 评价: 一次一评 of a checked-in signup (`signup`), or 综合点评 of a collective (`code`). The level is one
 * tap; tags, a comment and up to 3 photos are optional. A refused comment or photo stays in the form with the
 * reason under it.
 */
export default function EvaluatePage() {
  const { params } = useRouter();
  const target = params.signup ? { signupId: params.signup } : { code: params.code ?? '' };
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rating, setRating] = useState<Rating | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [photos, setPhotos] = useState<string[]>([]);
  const [done, setDone] = useState<Done | null>(null);
  useEffect(() => {
    void evaluationForm(target).then((r) => (r.ok ? setData(r.data) : setError(r.error.message)));
    // The target is the page's query: fixed for the page's life.
  }, [params.signup, params.code]);

  const form = useForm(evaluateInput, {
    initial: { comment: '' },
    fixed: { ...target, tags, photos, ...(rating ? { rating } : {}) },
    optional: ['comment'],
    check: (): Record<string, string> => (rating ? {} : { rating: '满意程度：请选择' }),
  });

  if (error) return <Screen title="评价" className="evaluate-page"><LoadFailed message={error} /></Screen>;
  if (!data) return <Screen title="评价" className="evaluate-page"><View className="list-foot list-loading">加载中…</View></Screen>;

  const goToPage = () => go(ROUTES.collective, { code: data.collective.code });

  if (done || (data.channel === 'perService' && data.existing)) {
    const evaluation = done?.evaluation ?? data.existing!;
    return (
      <Screen title="评价" className="evaluate-page evaluate-result">
        <View className="signup-result__head signup-result__head--success">
          <View className="signup-result__icon">✓</View>
          <View className="signup-result__title result-title">{done ? (done.replaced ? '已替换本月的评价' : '感谢你的评价') : '你已评价过这次活动'}</View>
          {evaluation.held ? <View className="signup-result__detail held-note">此评价需经管理单位审核，审核前不计入满意率</View> : null}
          {evaluation.commentState === 'review' && !evaluation.held ? <View className="signup-result__detail">评价内容审核通过后公开显示</View> : null}
          {evaluation.myPhotos.some((p) => p.state === 'review') && !evaluation.held ? (
            <View className="signup-result__detail photos-review-note">照片审核通过后随评价公开显示</View>
          ) : null}
        </View>
        <EvaluationCard evaluation={evaluation} heading={data.collective.name} />
        <View className="form-actions">
          <Button className="btn-public-page" type="primary" block onClick={goToPage}>
            查看三亮主页
          </Button>
          <Button className="btn-my-evaluations" block onClick={() => go(ROUTES.myEvaluations)}>
            我的评价
          </Button>
        </View>
      </Screen>
    );
  }

  const toggle = (tag: string) => setTags((prev) => (prev.includes(tag) ? prev.filter((t) => t !== tag) : [...prev, tag]));
  const submit = async () => {
    const result = await form.submit((input) => evaluate(input));
    if (result?.ok) {
      setDone(result.data);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    }
  };

  return (
    <Screen title="评价" className="evaluate-page">
      <View className="evaluation-target">
        <View className="evaluation-target__name evaluation-collective">{data.collective.name}</View>
        <View className="evaluation-channel">{data.channel === 'perService' ? `一次一评：${data.eventTitle ?? ''}` : '综合点评（每月一次）'}</View>
        {data.channel === 'general' && data.existing ? (
          <Notice tone="info" className="replace-notice">本月已评价（{data.existing.ratingLabel}），再次提交将替换上次的评价</Notice>
        ) : null}
      </View>
      <Section title="满意程度（必选）">
        <RatingChoices value={rating} onChange={setRating} />
      </Section>
      {data.tags.length ? (
        <Section title="评价方面（可多选）">
          <TagChoices tags={data.tags} picked={tags} onToggle={toggle} />
        </Section>
      ) : null}
      <Section title="评价内容（选填）">
        <FormField {...form.field('comment')} label="评价内容" multiline maxLength={MAX_COMMENT_LENGTH} placeholder="说说你的感受或建议" />
      </Section>
      <Section title="照片（选填）">
        <PhotoField name="photos" label="照片" max={MAX_EVALUATION_PHOTOS} photos={photos} onChange={setPhotos} upload={uploadEvaluationPhotos} error={form.errors.photos} />
      </Section>
      <Notice tone="info">评价公开显示时不显示你的身份；评价内容和照片经过内容安全检查后公开。</Notice>
      <Notice>{form.notice}</Notice>
      <View className="form-actions">
        <Button className="btn-submit-evaluation" type="primary" block loading={form.submitting} onClick={() => void submit()}>
          提交评价
        </Button>
        <Tappable className="link link-public-page" onTap={goToPage}>
          查看该集体的三亮主页
        </Tappable>
      </View>
    </Screen>
  );
}
