import type { contract } from '../../../../shared/contract';
import type { Handler } from '../../router';
import { loadRound, roundView } from './assessment';
import { rankingOf } from './ranking';

/** The office's ranking of the level-1 units in a round: while scoring, as it stands; once published, final. */
export const assessmentRanking: Handler<typeof contract.management.assessmentRanking> = async (ctx, input) => {
  const round = await loadRound(ctx.store, input.roundId);
  return { round: roundView(round), rows: (await rankingOf(ctx, round)).rows };
};
