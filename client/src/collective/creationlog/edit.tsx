import { useCallback, useEffect, useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import type { FieldErrors } from '../../../../shared/errors';
import { entryContent, type EntryDraftContent } from '../../../../shared/contract/creationlog';
import { MAX_ENTRY_IMAGES, MAX_ENTRY_TEXT } from '../../../../shared/domain/creationlog/categories';
import { ChoiceField } from '../../components/ChoiceField';
import { confirm } from '../../components/confirm';
import { DateField } from '../../components/DateField';
import { FieldError, FieldLabel, FormField } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Picture } from '../../components/Picture';
import { GuardedScreen } from '../../components/GuardedScreen';
import { Section } from '../../components/Screen';
import { Tappable } from '../../components/Tappable';
import { firstFlagged, scrollToField } from '../../components/scroll';
import { useSignedIn } from '../../hooks/useSession';
import { addEntryVideo, askGuidanceSubscription, clearEntryCopy, creationLogCategories, discardEntryDraft, getMyEntry, myEvents, readEntryCopy, saveEntryDraft, submitEntry, uploadEntryImages, writeEntryCopy } from '../../services';
import { formatTime } from '../../format';
import { videoFacts } from '../../creationlog-format';
import { replace, ROUTES } from '../../routes';
import '../../components/creationlog.css';
import '../../components/photo-field.css';

/** How long typing pauses before the draft is saved on the server. */
const SAVE_DELAY_MS = 1000;
const ORDER = ['title', 'workDate', 'category', 'eventId', 'text', 'images', 'video'] as const;
/** The choice that links no event. */
const NO_EVENT = 'none';

interface Values {
  title: string;
  workDate: string;
  category: string;
  text: string;
}
const EMPTY: Values = { title: '', workDate: '', category: '', text: '' };

/** The entry's video: its address, and its length and size once the server has told them (a device copy keeps only the address). */
interface VideoValue {
  url: string;
  seconds?: number;
  bytes?: number;
}

/** Messages by the form's own field names (the server names a draft's fields `content.title`, …). */
function byField(fields: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(fields)) out[path.replace(/^content\./, '').split('.')[0]] ??= message;
  return out;
}

/**
 * An entry of 创建工作动态: new (no `id`), a draft (`id`), or a correction of a submitted entry (`correcting`).
 * It saves as it is typed; 提交创建日志 asks first, then makes it the log's read-only record.
 */
export default function EditEntry() {
  const { params } = useRouter();
  const guard = useSignedIn({ audiences: ['collective'] });
  const ready = guard.state === 'ready';
  const accountId = ready ? guard.account.id : '';
  const [values, setValues] = useState<Values>(EMPTY);
  const [images, setImages] = useState<string[]>([]);
  const [video, setVideo] = useState<VideoValue | null>(null);
  const [addingVideo, setAddingVideo] = useState(false);
  const [link, setLink] = useState<{ eventId?: string; eventTitle?: string | null; correctsId?: string; correctsTitle?: string | null }>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [loading, setLoading] = useState(!!(params.id || params.correcting));
  const [uploading, setUploading] = useState(false);
  /** The categories the campaign offers new entries, and the draft's own if it has since been hidden. */
  const [offered, setOffered] = useState<Array<{ value: string; label: string }>>([]);
  const [ownCategory, setOwnCategory] = useState<{ value: string; label: string } | null>(null);
  const categoryChoices = ownCategory && !offered.some((c) => c.value === ownCategory.value) ? [...offered, ownCategory] : offered;
  /** The collective's open-week events an entry may be about. */
  const [events, setEvents] = useState<Array<{ value: string; label: string }>>([]);
  const [submitting, setSubmitting] = useState(false);
  const latest = useRef({ values, images, video, link });
  latest.current = { values, images, video, link };
  const entry = useRef<{ id: string | null; version: number }>({ id: params.id ?? null, version: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown>>(Promise.resolve());
  /** Where the device copy lives: the entry's id once the server gave one. */
  const copyKey = () => entry.current.id ?? (params.correcting ? `correcting:${params.correcting}` : 'new');

  /** Puts content on the form: the server's, or the device copy typed after it. */
  const show = (c: { title?: string; workDate?: string; text?: string; category?: string; images: string[]; video?: VideoValue | string | null }) => {
    const next = { title: c.title ?? '', workDate: c.workDate ?? '', category: c.category ?? '', text: c.text ?? '' };
    const shown = typeof c.video === 'string' ? (latest.current.video?.url === c.video ? latest.current.video : { url: c.video }) : (c.video ?? null);
    setValues(next);
    setImages(c.images);
    setVideo(shown);
    latest.current = { ...latest.current, values: next, images: c.images, video: shown };
  };

  useEffect(() => {
    if (!ready) return;
    // A choice button holds one line: a long event name is shortened there (the saved link keeps the full one).
    const short = (title: string) => (title.length > 12 ? `${title.slice(0, 12)}…` : title);
    void creationLogCategories({}).then((r) => r.ok && setOffered(r.data.categories.filter((c) => !c.hidden).map((c) => ({ value: c.code, label: c.label }))));
    void myEvents({ limit: 50 }).then((r) => r.ok && setEvents(r.data.items.filter((e) => e.status !== 'draft').map((e) => ({ value: e.id, label: short(e.title) }))));
  }, [ready]);

  useEffect(() => {
    if (!ready) return;
    const source = params.id ?? params.correcting;
    const local = readEntryCopy(accountId, copyKey());
    if (!source) {
      // Typed here before, never saved to the server: it is saved now.
      if (local) {
        show(local.content);
        touched();
      }
      return;
    }
    void getMyEntry({ entryId: source }).then((r) => {
      setLoading(false);
      if (!r.ok) return setNotice(r.error.message);
      const e = r.data.entry;
      if (params.id && e.status === 'submitted') return replace(ROUTES.creationLogEntry, { id: e.id });
      const correcting = !params.id;
      show({ title: correcting ? `更正：${e.title}`.slice(0, 60) : e.title, workDate: e.workDate ?? '', category: e.category ?? '', text: e.text, images: e.images, video: e.video });
      setLink(correcting ? { correctsId: e.id, correctsTitle: e.title } : { eventId: e.eventId ?? undefined, eventTitle: e.eventTitle, correctsId: e.correctsId ?? undefined, correctsTitle: e.correctsTitle });
      if (!correcting) {
        if (e.category && e.categoryLabel) setOwnCategory({ value: e.category, label: e.categoryLabel });
        entry.current.version = e.version;
        setSaved(`草稿已保存 ${formatTime(e.updatedAt)}`);
      }
      // Typed on this device after the server's copy (a save that did not arrive): the device's wins.
      if (local && (correcting || local.savedAt > e.updatedAt)) {
        show(local.content);
        touched();
      }
    });
  }, [ready, params.id, params.correcting]);

  const contentOf = (): EntryDraftContent => {
    const { values: v, images: imgs, video: vid, link: l } = latest.current;
    return {
      title: v.title,
      workDate: v.workDate,
      text: v.text,
      images: imgs,
      video: vid?.url ?? null,
      ...(v.category ? { category: v.category } : {}),
      ...(l.eventId ? { eventId: l.eventId } : {}),
      ...(l.correctsId ? { correctsId: l.correctsId } : {}),
    };
  };

  // Saves run one after another, each with the version the previous one answered (no CONFLICT with itself).
  const saveNow = useCallback(async () => {
    setSaved('保存中…');
    const request = inFlight.current.then(async () => {
      const { id, version } = entry.current;
      const result = await saveEntryDraft(id ? { entryId: id, version, content: contentOf() } : { content: contentOf() });
      if (result.ok) {
        entry.current = { id: result.data.entry.id, version: result.data.entry.version };
        // The first save named the entry: its device copy moves under that name.
        if (!id) {
          clearEntryCopy(accountId, params.correcting ? `correcting:${params.correcting}` : 'new');
          writeEntryCopy(accountId, result.data.entry.id, contentOf());
        }
      }
      return result;
    });
    inFlight.current = request;
    const result = await request;
    if (result.ok) setSaved(`草稿已保存 ${formatTime(result.data.entry.updatedAt)}`);
    else {
      setSaved(`草稿未能保存：${result.error.message}`);
      if (result.error.fields) setErrors((prev) => ({ ...prev, ...byField(result.error.fields ?? {}) }));
    }
    return result;
  }, [accountId]);

  const touched = () => {
    setNotice(null);
    writeEntryCopy(accountId, copyKey(), contentOf());
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), SAVE_DELAY_MS);
  };
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const change = (name: keyof Values, value: string) => {
    setValues((prev) => ({ ...prev, [name]: value }));
    latest.current = { ...latest.current, values: { ...latest.current.values, [name]: value } };
    setErrors((prev) => {
      if (!(name in prev)) return prev;
      const rest = { ...prev };
      delete rest[name];
      return rest;
    });
    touched();
  };

  const changeImages = (next: string[]) => {
    setImages(next);
    latest.current = { ...latest.current, images: next };
    setErrors((prev) => ({ ...prev, images: '' }));
    touched();
  };

  const changeVideo = (next: VideoValue | null) => {
    setVideo(next);
    latest.current = { ...latest.current, video: next };
    setErrors((prev) => ({ ...prev, video: '' }));
    touched();
  };

  const addVideo = async () => {
    setAddingVideo(true);
    const result = await addEntryVideo();
    setAddingVideo(false);
    if (!result) return;
    if (result.ok) changeVideo(result.data.video);
    else setErrors((prev) => ({ ...prev, video: result.error.fields?.url ?? result.error.message }));
  };

  const linkEvent = (eventId: string) => {
    const next = { ...latest.current.link, eventId: eventId === NO_EVENT ? undefined : eventId, eventTitle: events.find((e) => e.value === eventId)?.label ?? null };
    setLink(next);
    latest.current = { ...latest.current, link: next };
    touched();
  };

  const addImages = async () => {
    setUploading(true);
    const results = await uploadEntryImages(MAX_ENTRY_IMAGES - latest.current.images.length);
    setUploading(false);
    const urls = results.flatMap((r) => (r.ok ? [r.data.image.url] : []));
    const refused = results.find((r) => !r.ok);
    if (urls.length) changeImages([...latest.current.images, ...urls]);
    if (refused && !refused.ok) setErrors((prev) => ({ ...prev, images: refused.error.fields?.url ?? refused.error.fields?.thumbnailUrl ?? refused.error.message }));
  };

  const flag = (fields: FieldErrors, fallback: string) => {
    const mine = byField(fields);
    setErrors(mine);
    const count = Object.keys(mine).length;
    setNotice(count ? `还有 ${count} 处需要修改，已在各项下方标出；填写的内容都已保留` : fallback);
    const first = firstFlagged(ORDER, mine);
    if (first) scrollToField(first);
  };

  const submit = async () => {
    if (submitting) return;
    const checked = entryContent.safeParse(contentOf());
    if (!checked.success) {
      const fields: FieldErrors = {};
      for (const issue of checked.error.issues) fields[issue.path.map(String).join('.')] ??= issue.message;
      return flag(fields, '');
    }
    const sure = await confirm({
      title: '确认提交创建日志？',
      content: '提交后不能再修改（如需更正可新建一条更正动态），本集体所属的各级管理单位可以看到。',
      confirmText: '提交',
    });
    if (!sure) return;
    if (timer.current) clearTimeout(timer.current);
    setSubmitting(true);
    setNotice(null);
    const [save] = await Promise.all([saveNow(), askGuidanceSubscription()]);
    if (!save.ok) {
      setSubmitting(false);
      return flag(save.error.fields ?? {}, save.error.message);
    }
    const result = await submitEntry({ entryId: entry.current.id as string, version: entry.current.version });
    setSubmitting(false);
    if (result.ok) {
      clearEntryCopy(accountId, result.data.entry.id);
      return replace(ROUTES.creationLogEntry, { id: result.data.entry.id, submitted: 1 });
    }
    flag(result.error.fields ?? {}, result.error.message);
  };

  const discard = async () => {
    if (timer.current) clearTimeout(timer.current);
    await inFlight.current;
    const id = entry.current.id;
    if (!id) {
      clearEntryCopy(accountId, copyKey());
      return replace(ROUTES.creationLog);
    }
    if (!(await confirm({ title: '确认删除草稿？', content: '删除后不能恢复。', confirmText: '删除', danger: true }))) return;
    const result = await discardEntryDraft({ entryId: id });
    if (result.ok) {
      clearEntryCopy(accountId, id);
      replace(ROUTES.creationLog);
    }
    else setNotice(result.error.message);
  };

  const frame = { guard, className: 'cl-edit', denied: '只有集体帐号有创建日志' };
  if (loading) return <GuardedScreen {...frame} title="编辑动态"><View className="list-loading">加载中…</View></GuardedScreen>;

  return (
    <GuardedScreen {...frame} title={params.id ? '编辑动态' : link.correctsId ? '更正动态' : '新建动态'}>
      {link.correctsId ? <Notice tone="info" className="cl-corrects">更正已提交的「{link.correctsTitle}」：提交后原动态保留，管理员可同时看到两条。</Notice> : null}
      {link.eventId && !events.some((e) => e.value === link.eventId) ? <Notice tone="info" className="cl-event-link">关联开放周活动：{link.eventTitle}</Notice> : null}
      <Section title="创建工作动态">
        <FormField name="title" label="标题" required value={values.title} error={errors.title} maxLength={60} onChange={(v) => change('title', v)} />
        <DateField name="workDate" label="工作日期" mode="date" required value={values.workDate} error={errors.workDate} onChange={(v) => change('workDate', v)} />
        <ChoiceField name="category" label="类别" required options={categoryChoices} value={values.category} error={errors.category} onChange={(v) => change('category', v)} />
        {events.length ? (
          <ChoiceField
            name="eventId"
            label="关联开放周活动"
            options={[{ value: NO_EVENT, label: '不关联' }, ...events]}
            value={link.eventId ?? NO_EVENT}
            error={errors.eventId}
            onChange={linkEvent}
          />
        ) : null}
        <FormField name="text" label="内容" required multiline maxLength={MAX_ENTRY_TEXT} value={values.text} error={errors.text} onChange={(v) => change('text', v)} />
        <View className="form-field form-field--images">
          <View className="form-field__row">
            <FieldLabel label={`图片（${images.length}/${MAX_ENTRY_IMAGES}）`} />
            {images.length < MAX_ENTRY_IMAGES ? (
              <Button className="btn-add-images" size="small" loading={uploading} onClick={() => void addImages()}>
                添加图片
              </Button>
            ) : null}
          </View>
          <View className="cl-images">
            {images.map((url, i) => (
              <View key={url} className="cl-image entry-image">
                <Picture src={url} alt={`图片${i + 1}`} mode="aspectFill" />
                <Tappable className="cl-image__remove btn-remove-image" label={`删除图片${i + 1}`} onTap={() => changeImages(images.filter((u) => u !== url))}>
                  删除
                </Tappable>
              </View>
            ))}
          </View>
          <FieldError name="images" error={errors.images || undefined} />
        </View>
        <View className="form-field form-field--video">
          <View className="form-field__row">
            <FieldLabel label={`视频（${video ? 1 : 0}/1）`} />
            {video ? null : (
              <Button className="btn-add-video" size="small" loading={addingVideo} onClick={() => void addVideo()}>
                添加视频
              </Button>
            )}
          </View>
          {video ? (
            <View className="cl-video-facts entry-video">
              <View className="cl-card__meta video-facts">
                {video.seconds !== undefined && video.bytes !== undefined ? `视频 ${videoFacts({ seconds: video.seconds, bytes: video.bytes })}` : '视频已添加'} · 提交后经管理员审核才公开
              </View>
              <Tappable className="btn-remove-video" label="删除视频" onTap={() => changeVideo(null)}>
                删除
              </Tappable>
            </View>
          ) : (
            <View className="cl-card__meta video-hint">MP4 格式，60秒、50MB以内</View>
          )}
          <FieldError name="video" error={errors.video || undefined} />
        </View>
      </Section>
      <View className="cl-saved draft-saved">{saved || '输入后自动保存为草稿，仅本集体可见'}</View>
      <Notice>{notice}</Notice>
      <View className="form-actions">
        <Button className="btn-submit-entry" type="primary" block loading={submitting} onClick={() => void submit()}>
          提交创建日志
        </Button>
        <Button className="btn-discard-draft" block onClick={() => void discard()}>
          删除草稿
        </Button>
      </View>
    </GuardedScreen>
  );
}
