import { Text, View } from '@tarojs/components';
import { FILING_FIELD_LABELS, FILING_SECTIONS } from '../../../shared/contract/filing-content';
import type { CheckView, FilingView, HistoryView, OpinionView } from '../../../shared/contract/filing-views';
import { OPINION_BOX_LABELS } from '../../../shared/domain/filing/chain';
import { TITLE_KIND_LABELS, TITLE_LEVEL_LABELS } from '../../../shared/domain/filing/rules';
import { formatTime } from '../format';
import { Section } from './Screen';
import './filing-parts.css';

const DECISION_LABELS: Record<OpinionView['decision'], string> = {
  passUp: '初审通过，报上级审核',
  sendBack: '初审退回',
  approve: '审核通过',
  return: '审核退回',
  endorse: '市青工委意见',
};

/** Each recorded opinion: who (level, unit, code and name), what, when. */
export function Opinions({ opinions }: { opinions: OpinionView[] }) {
  if (opinions.length === 0) return null;
  return (
    <Section title="审核意见" className="filing-opinions">
      {opinions.map((o, i) => (
        <View key={i} className={`opinion opinion--${o.decision}`}>
          <View className="opinion__head">
            <Text className="opinion__box">{OPINION_BOX_LABELS[o.box]}</Text>
            <Text className="opinion__decision">{DECISION_LABELS[o.decision]}</Text>
          </View>
          <View className="opinion__comment">{o.comment}</View>
          <View className="opinion__meta">
            {o.unitName} · {o.authorName}（{o.authorCode}）· {formatTime(o.at)}
          </View>
        </View>
      ))}
    </Section>
  );
}

export function History({ history }: { history: HistoryView[] }) {
  return (
    <Section title="历史记录" className="filing-history">
      {history.length === 0 ? <View className="history-empty">尚无记录</View> : null}
      {history.map((h, i) => (
        <View key={i} className="history-item">
          <View className="history-item__label">{h.label}</View>
          {h.comment ? <View className="history-item__comment">{h.comment}</View> : null}
          <View className="history-item__meta">
            {h.actorName}
            {h.actorCode ? `（${h.actorCode}）` : ''} · {formatTime(h.at)}
          </View>
        </View>
      ))}
    </Section>
  );
}

export function Checks({ checks }: { checks: CheckView[] }) {
  return (
    <Section title="条件检查" className="filing-checks">
      {checks.map((check) => (
        <View key={check.key} className={`check check--${check.ok === null ? 'unknown' : check.ok ? 'ok' : 'failed'}`}>
          <Text className="check__label">{check.ok === null ? '○' : check.ok ? '✓' : '✗'} {check.label}</Text>
          <Text className="check__reason">{check.reason}</Text>
        </View>
      ))}
    </Section>
  );
}

/** Profile, plan and achievements as filed, read-only. */
export function Content({ filing }: { filing: FilingView }) {
  const c = filing.content;
  return (
    <>
      {FILING_SECTIONS.map((section) => (
        <Section key={section.key} title={section.title} className={`filing-content filing-content--${section.key}`}>
          {section.fields.map((name) => (
            <View key={name} className={`kv kv--block content-${name}`}>
              <Text className="kv__key">{FILING_FIELD_LABELS[name]}</Text>
              <Text className="kv__value">{name === 'nonPublic' ? (c.nonPublic === 'yes' ? '是' : c.nonPublic === 'no' ? '否' : '') : c[name] ?? ''}</Text>
            </View>
          ))}
          {section.key === 'profile' ? (
            <View className="kv kv--block content-priorTitles">
              <Text className="kv__key">往届称号</Text>
              <Text className="kv__value">
                {(c.priorTitles ?? []).map((t) => `${t.year}年${TITLE_LEVEL_LABELS[t.level]}${TITLE_KIND_LABELS[t.kind]}`).join('；') || '无'}
              </Text>
            </View>
          ) : null}
        </Section>
      ))}
    </>
  );
}
