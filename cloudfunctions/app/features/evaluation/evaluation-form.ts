import type { contract } from '../../../../shared/contract';
import { visitorOf } from '../../common/identity';
import type { Handler } from '../../router';
import { aspectTagsOf } from './campaign-of';
import { evaluationTarget, existingEvaluation } from './evaluation-target';
import { myEvaluationView } from './views';

/** Everything the form shows before the visitor rates: whom, how, the tags, and what they said before in this slot. */
export const evaluationForm: Handler<typeof contract.evaluation.evaluationForm> = async (ctx, input) => {
  const visitorId = visitorOf(ctx);
  const target = await evaluationTarget(ctx, visitorId, input);
  const collective = { code: target.page.code, name: target.collective.name };
  const eventTitle = target.event?.title ?? null;
  const existing = await existingEvaluation(ctx, target.slotId);
  return {
    collective,
    channel: target.channel,
    eventTitle,
    tags: (await aspectTagsOf(ctx.store, target.campaignId)).tags,
    existing: existing ? myEvaluationView(existing, collective, eventTitle) : null,
  };
};
