import type { contract } from '../../../../shared/contract';
import type { Handler } from '../../router';
import { dashboardFigures } from './figures';

/** 报备进度看板 of the caller's unit, or of a unit in their subtree. */
export const dashboard: Handler<typeof contract.management.dashboard> = (ctx, input) => dashboardFigures(ctx, input);
