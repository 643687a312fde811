import type { contract } from '../../../../shared/contract';
import type { Handler } from '../../router';
import { entryView, myCollective, ownEntry } from './entries';

/** One of the collective's own entries, with the guidance its admins gave. */
export const getMine: Handler<typeof contract.creationlog.getMine> = async (ctx, input) => {
  return { entry: entryView(await ownEntry(ctx, await myCollective(ctx), input.entryId)) };
};
