import type { FunctionHandlers } from '../../router';
import { dashboard } from './dashboard';
import { exportDashboard } from './export-dashboard';

/** The `management` function (issue #14): quota progress for the office and level-1 admins. */
export const managementHandlers: FunctionHandlers<'management'> = { dashboard, exportDashboard };
