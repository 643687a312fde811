import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import type { AssessmentRoundView, AssessmentSheetView } from '../../../../shared/contract/management-assessment';
import { REPORT_MAX_CHARS, reportChars } from '../../../../shared/domain/management/assessment';
import type { FieldErrors } from '../../../../shared/errors';
import { FormField } from '../../components/FormField';
import { GuardedScreen } from '../../components/GuardedScreen';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Screen';
import { Tappable } from '../../components/Tappable';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { go, ROUTES } from '../../routes';
import { assessmentSheet, correctAssessmentScore, scoreAssessmentItem, submitAssessmentReport } from '../../services';
import './assessment.css';

type Item = AssessmentRoundView['items'][number];
type Loaded = { round: AssessmentRoundView; sheet: AssessmentSheetView };

/** The office's score of one item: points and a note; after publication a correction with its reason. */
function ScoreForm({ loaded, item, onSaved }: { loaded: Loaded; item: Item; onSaved: (sheet: AssessmentSheetView) => void }) {
  const current = loaded.sheet.scores?.[item.no];
  const published = loaded.round.status === 'published';
  const [points, setPoints] = useState(current ? String(current.points) : '');
  const [note, setNote] = useState(current?.note ?? '');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const { toast, show } = useToast();
  const save = async () => {
    setSaving(true);
    const input = { roundId: loaded.round.id, unitId: loaded.sheet.unitId, no: item.no, points: points.trim() === '' ? Number.NaN : Number(points), note };
    const result = published ? await correctAssessmentScore({ ...input, reason }) : await scoreAssessmentItem(input);
    setSaving(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      if (!result.error.fields) show(result.error.message, 'fail');
      return;
    }
    setErrors({});
    setReason('');
    show(published ? '已更正' : '已评分', 'success');
    onSaved(result.data.sheet);
  };
  return (
    <View className={`score-form score-form--${item.no}`}>
      <FormField name={`points${item.no}`} label={item.kind === 'deduction' ? '扣分' : '得分'} kind="decimal" unit={`/ ${item.max} 分`} value={points} error={errors.points} onChange={setPoints} />
      <FormField name={`note${item.no}`} label="评分说明" multiline maxLength={500} value={note} error={errors.note} onChange={setNote} />
      {published ? <FormField name={`reason${item.no}`} label="更正理由" maxLength={200} value={reason} error={errors.reason} onChange={setReason} /> : null}
      <Button className={`btn-score btn-score-${item.no}`} size="small" type={published ? 'default' : 'primary'} loading={saving} onClick={() => void save()}>
        {published ? '更正得分' : '保存评分'}
      </Button>
      {toast}
    </View>
  );
}

/** One item: what the notice looks at, the evidence from the unit's records beside it, and its score. */
function ItemCard({ loaded, item, office, onSaved }: { loaded: Loaded; item: Item; office: boolean; onSaved: (sheet: AssessmentSheetView) => void }) {
  const { sheet } = loaded;
  const applies = sheet.applicable.includes(item.no);
  const evidence = sheet.evidence.items.find((e) => e.no === item.no);
  const score = sheet.scores?.[item.no];
  return (
    <View className={`assessment-item assessment-item--${item.no} ${applies ? '' : 'is-skipped'}`}>
      <View className="assessment-item__head">
        <Text className="assessment-item__name">{item.no}. {item.name}</Text>
        <Text className="assessment-item__max">{item.kind === 'deduction' ? `最多扣 ${item.max} 分` : `${item.max} 分`}</Text>
      </View>
      <View className="assessment-item__looks">{item.looksAt}</View>
      {!applies ? <View className="assessment-item__skip">行业单位不考核此项，基础得分按比例折算</View> : null}
      {applies && evidence ? (
        <View className="evidence">
          {evidence.facts.map((fact) => (
            <View key={fact.label} className="evidence__fact">
              <Text className="evidence__label">{fact.label}</Text>
              <Text className="evidence__value">{fact.value === null ? '—' : `${fact.value} ${fact.unit}`}</Text>
              {fact.entries.map((entry) => (
                <View key={entry} className="evidence__entry">{entry}</View>
              ))}
            </View>
          ))}
          {evidence.facts.length === 0 ? <View className="evidence__none">系统中无此项记录，依据情况报告评价</View> : null}
        </View>
      ) : null}
      {applies && score && !office ? (
        <View className="assessment-item__score">
          {item.kind === 'deduction' ? '扣' : '得'} {score.points} 分 · {score.note}
        </View>
      ) : null}
      {applies && office ? <ScoreForm loaded={loaded} item={item} onSaved={onSaved} /> : null}
    </View>
  );
}

/**
 * 考评表 of a level-1 unit. The unit writes its 情况报告 (counted as the notice counts 字: no whitespace) and
 * confirms its ledger until publication, then reads its scores; the office scores each item beside the evidence.
 */
export default function Sheet() {
  const { params } = useRouter();
  const guard = useSignedIn({ audiences: ['office', 'admin1'] });
  const ready = guard.state === 'ready';
  const office = ready && guard.account.role === 'office';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [report, setReport] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const { toast, show } = useToast();
  const load = useCallback(async () => {
    const result = await assessmentSheet({ roundId: params.roundId ?? '', unitId: params.unitId || undefined });
    if (!result.ok) return setFailed(result.error.message);
    setFailed(null);
    setLoaded(result.data);
    setReport(result.data.sheet.report);
    setConfirmed(result.data.sheet.ledgerConfirmed);
  }, [params.roundId, params.unitId]);
  useEffect(() => {
    if (ready) void load();
  }, [ready]);

  const submit = async () => {
    setSaving(true);
    const result = await submitAssessmentReport({ roundId: params.roundId ?? '', report, ledgerConfirmed: confirmed as true });
    setSaving(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      if (!result.error.fields) show(result.error.message, 'fail');
      return;
    }
    setErrors({});
    show('已提交', 'success');
    if (loaded) setLoaded({ ...loaded, sheet: result.data.sheet });
  };

  const chars = reportChars(report);
  const editable = !office && loaded?.round.status === 'open';
  const sheet = loaded?.sheet;
  return (
    <GuardedScreen guard={guard} title="考评表" className="assessment-sheet" denied={contract.management.assessmentSheet.refusal}>
      {failed ? <LoadFailed message={failed} onRetry={() => void load()} /> : null}
      {loaded && sheet ? (
        <>
          <View className="page-intro">
            {sheet.unitName} · {loaded.round.title} · {loaded.round.status === 'published' ? '已发布' : '进行中'}
          </View>
          {sheet.total ? (
            <Section title="得分" className="sheet-total">
              <View className="sheet-total__figure">{sheet.total.total} 分</View>
              <View className="sheet-total__parts">
                基础 {sheet.total.base}{sheet.total.scaledBase !== sheet.total.base ? `（折算 ${sheet.total.scaledBase}）` : ''} · 加分 {sheet.total.bonus} · 减分 {sheet.total.deduction}
                {sheet.version > 1 ? ` · 第${sheet.version}版` : ''}
              </View>
            </Section>
          ) : !office ? (
            <Notice tone="info">考评结果发布后，这里显示本单位的得分和评分说明。</Notice>
          ) : null}

          <Section title="情况报告" className="sheet-report">
            {editable ? (
              <>
                <FormField name="report" label="情况报告" multiline value={report} error={errors.report} placeholder="两年来本单位青年文明号创建工作情况" onChange={setReport} />
                <View className={`report-counter ${chars > REPORT_MAX_CHARS ? 'is-over' : ''}`}>
                  {chars} / {REPORT_MAX_CHARS} 字（标点计入，空格和换行不计）
                </View>
                <Tappable className={`ledger-confirm ${confirmed ? 'is-checked' : ''}`} label="确认本单位工作台账" onTap={() => setConfirmed(!confirmed)}>
                  {confirmed ? '☑' : '☐'} 已核对并确认本单位五个一工作台账
                </Tappable>
                {errors.ledgerConfirmed ? <View className="form-error">{errors.ledgerConfirmed}</View> : null}
                <Tappable className="link link-ledger" onTap={() => go(ROUTES.adminLedger)}>
                  查看工作台账
                </Tappable>
                <View className="form-actions">
                  <Button className="btn-submit-report" type="primary" block loading={saving} onClick={() => void submit()}>
                    {sheet.submittedAt ? '重新提交' : '提交报告'}
                  </Button>
                </View>
              </>
            ) : (
              <View className="sheet-report__text">{sheet.report || '尚未提交情况报告'}</View>
            )}
            {sheet.submittedAt ? (
              <View className="sheet-report__meta">
                {sheet.submittedByName} 于 {sheet.submittedAt.slice(0, 10)} 提交 · {sheet.reportChars} 字 · {sheet.ledgerConfirmed ? '已确认台账' : '未确认台账'}
              </View>
            ) : null}
          </Section>

          <Section title={sheet.submittedAt ? '考评内容与佐证（提交时的系统记录）' : '考评内容与佐证（系统记录，提交时保存）'} className="sheet-items">
            {loaded.round.items.map((item) => (
              <ItemCard key={item.no} loaded={loaded} item={item} office={office} onSaved={(next) => setLoaded({ ...loaded, sheet: next })} />
            ))}
          </Section>

          {sheet.corrections.length > 0 ? (
            <Section title="更正记录" className="sheet-corrections">
              {sheet.corrections.map((c) => (
                <View key={c.version} className="correction">
                  第{c.version}版 · 第{c.no}项 {c.from ? c.from.points : '—'} → {c.to.points} 分 · {c.reason}（{c.byName}，{c.at.slice(0, 10)}）
                </View>
              ))}
            </Section>
          ) : null}
        </>
      ) : null}
      {toast}
    </GuardedScreen>
  );
}
