import type { contract } from '../../../../shared/contract';
import type { AssessmentRoundDoc } from '../../collections/management';
import { findAll } from '../../ports/store';
import type { Handler } from '../../router';
import { roundView } from './assessment';

/** Every 考评 round, newest first: one per campaign term, a handful over the years. */
export const listAssessments: Handler<typeof contract.management.listAssessments> = async (ctx) => {
  const rounds = await findAll<AssessmentRoundDoc>(ctx.store, 'assessmentRounds', { orderBy: { fields: ['createdAt'], direction: 'desc' } });
  return { items: rounds.map(roundView) };
};
