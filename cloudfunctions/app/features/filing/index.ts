import type { FunctionHandlers } from '../../router';
import { getMine } from './get-mine';
import { saveDraft } from './save-draft';
import { submit } from './submit';

export const filingHandlers: FunctionHandlers<'filing'> = { getMine, saveDraft, submit };
