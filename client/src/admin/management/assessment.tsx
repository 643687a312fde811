import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { contract } from '../../../../shared/contract';
import type { AssessmentRoundView, RankingRowView } from '../../../../shared/contract/management-assessment';
import { confirm } from '../../components/confirm';
import { FormField } from '../../components/FormField';
import { GuardedScreen } from '../../components/GuardedScreen';
import { LoadFailed } from '../../components/LoadFailed';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Screen';
import { Tappable } from '../../components/Tappable';
import { useSignedIn } from '../../hooks/useSession';
import { useToast } from '../../hooks/useToast';
import { go, ROUTES } from '../../routes';
import { assessmentRanking, exportAssessment, listAssessments, openAssessment, publishAssessment, saveFile, setAssessmentPoints, XLSX } from '../../services';
import { useLatestCampaign } from '../filings/useCampaign';
import './assessment.css';

const KIND_LABELS = { office: '', industry: '行业', region: '地方' } as const;

/** The office's view of one round: its points (editable until the first score), the ranking, publication and export. */
function OfficeRound({ round, onChanged }: { round: AssessmentRoundView; onChanged: (round: AssessmentRoundView) => void }) {
  const [rows, setRows] = useState<RankingRowView[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [points, setPoints] = useState<Record<number, string>>({});
  const [busy, setBusy] = useState(false);
  const { toast, show } = useToast();
  const load = useCallback(async () => {
    const result = await assessmentRanking({ roundId: round.id });
    if (!result.ok) return setFailed(result.error.message);
    setFailed(null);
    setRows(result.data.rows);
    onChanged(result.data.round);
  }, [round.id]);
  useEffect(() => void load(), [load]);
  useEffect(() => setPoints(Object.fromEntries(round.items.map((item) => [item.no, String(item.max)]))), [round]);

  const savePoints = async () => {
    setBusy(true);
    const result = await setAssessmentPoints({ roundId: round.id, points: round.items.map((item) => ({ no: item.no, max: Number(points[item.no]) })) });
    setBusy(false);
    show(result.ok ? '分值已保存' : result.error.message, result.ok ? 'success' : 'fail');
    if (result.ok) onChanged(result.data.round);
  };
  const publish = async () => {
    if (!(await confirm({ title: '发布考评结果？', content: '发布后得分锁定，各单位可查看本单位考评表；此后只能以更正（写明理由）修改得分。', confirmText: '发布' }))) return;
    const result = await publishAssessment({ roundId: round.id });
    show(result.ok ? '已发布' : result.error.message, result.ok ? 'success' : 'fail');
    if (result.ok) void load();
  };
  const download = async () => {
    setBusy(true);
    const result = await exportAssessment({ roundId: round.id });
    setBusy(false);
    if (!result.ok) return show(result.error.message, 'fail');
    await saveFile(result.data.fileName, result.data.contentBase64, XLSX);
    show(`已导出 ${result.data.rows} 个单位`, 'success');
  };

  return (
    <View className="assessment-round">
      {!round.scoringStarted && round.status === 'open' ? (
        <Section title="各项分值（开始评分后不能再调整）" className="assessment-points">
          {round.items.map((item) => (
            <FormField
              key={item.no}
              name={`max${item.no}`}
              label={`${item.no}. ${item.name}`}
              kind="decimal"
              unit="分"
              hint={item.kind === 'bonus' ? '加分项' : item.kind === 'deduction' ? '减分项（最多扣分）' : undefined}
              value={points[item.no] ?? ''}
              onChange={(v) => setPoints({ ...points, [item.no]: v })}
            />
          ))}
          <View className="form-actions">
            <Button className="btn-save-points" block loading={busy} onClick={() => void savePoints()}>
              保存分值
            </Button>
          </View>
        </Section>
      ) : null}
      <Section title={round.status === 'published' ? '考评排名（已发布）' : '考评排名（评分中）'} className="assessment-ranking">
        {failed ? <LoadFailed message={failed} onRetry={() => void load()} /> : null}
        {rows && rows.length === 0 ? <View className="assessment-empty">暂无一级单位</View> : null}
        {(rows ?? []).map((row) => (
          <Tappable key={row.unitId} className="ranking-row" label={`${row.unitName}的考评表`} onTap={() => go(ROUTES.adminAssessmentSheet, { roundId: round.id, unitId: row.unitId })}>
            <Text className="ranking-row__rank">{row.rank}</Text>
            <View className="ranking-row__body">
              <Text className="ranking-row__name">{row.unitName}</Text>
              <Text className="ranking-row__meta">
                {KIND_LABELS[row.unitKind]} · {row.submitted ? '已提交报告' : '未提交报告'} · 已评 {row.scored} 项{row.version > 1 ? ` · 第${row.version}版` : ''}
              </Text>
            </View>
            <Text className="ranking-row__total">{row.total}</Text>
          </Tappable>
        ))}
      </Section>
      <View className="form-actions">
        {round.status === 'open' ? (
          <Button className="btn-publish" type="primary" block onClick={() => void publish()}>
            发布考评结果
          </Button>
        ) : null}
        <Button className="btn-export-assessment" block loading={busy} onClick={() => void download()}>
          导出考评结果（xlsx）
        </Button>
      </View>
      {toast}
    </View>
  );
}

/**
 * 考评: the office opens the round of the newest campaign's term, sets its points, follows the ranking and
 * publishes; a level-1 admin opens its own unit's sheet of each round.
 */
export default function Assessment() {
  const { params } = useRouter();
  const guard = useSignedIn({ audiences: ['office', 'admin1'] });
  const ready = guard.state === 'ready';
  const office = ready && guard.account.role === 'office';
  const { campaign } = useLatestCampaign(office);
  const [rounds, setRounds] = useState<AssessmentRoundView[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(params.roundId ?? null);
  const { toast, show } = useToast();
  const load = useCallback(async () => {
    const result = await listAssessments({});
    if (!result.ok) return setFailed(result.error.message);
    setFailed(null);
    setRounds(result.data.items);
  }, []);
  useEffect(() => {
    if (ready) void load();
  }, [ready]);

  const open = async () => {
    if (!campaign) return;
    const result = await openAssessment({ campaignId: campaign.id });
    show(result.ok ? '已开启考评' : result.error.message, result.ok ? 'success' : 'fail');
    if (result.ok) {
      setChosen(result.data.round.id);
      void load();
    }
  };
  const replace = (round: AssessmentRoundView) => setRounds((all) => (all ?? []).map((r) => (r.id === round.id ? round : r)));
  const current = rounds?.find((r) => r.id === chosen) ?? (office ? rounds?.[0] : undefined);
  const canOpen = office && campaign && rounds && !rounds.some((r) => r.campaignId === campaign.id);

  return (
    <GuardedScreen guard={guard} title="考评" className="assessment" denied={contract.management.listAssessments.refusal}>
      {failed ? <LoadFailed message={failed} onRetry={() => void load()} /> : null}
      <Section title="考评" className="assessment-rounds">
        {rounds && rounds.length === 0 ? <View className="assessment-empty">{office ? '尚未开启考评' : '组委会办公室尚未开启考评'}</View> : null}
        {(rounds ?? []).map((round) => (
          <Tappable
            key={round.id}
            className={`round-row ${current?.id === round.id ? 'is-active' : ''}`}
            label={round.title}
            onTap={() => (office ? setChosen(round.id) : go(ROUTES.adminAssessmentSheet, { roundId: round.id }))}
          >
            <Text className="round-row__title">{round.title}</Text>
            <Text className={`tag round-row__status ${round.status === 'published' ? 'is-done' : ''}`}>{round.status === 'published' ? '已发布' : '进行中'}</Text>
          </Tappable>
        ))}
        {canOpen ? (
          <View className="form-actions">
            <Button className="btn-open-assessment" type="primary" block onClick={() => void open()}>
              开启{campaign.term}届次考评
            </Button>
          </View>
        ) : null}
      </Section>
      {office && current ? <OfficeRound key={current.id} round={current} onChanged={replace} /> : null}
      {!office && rounds && rounds.length > 0 ? <Notice tone="info">点按考评，填写本单位情况报告、确认工作台账；结果发布后可查看得分。</Notice> : null}
      {toast}
    </GuardedScreen>
  );
}
