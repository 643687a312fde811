import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { childPath, MAX_UNIT_LEVEL } from '../../../../shared/domain/unit-tree';
import { audit } from '../../common/audit';
import type { UnitDoc } from '../../collections';
import { accountOf } from '../../context';
import { DuplicateKeyError } from '../../ports/store';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';
import { newId } from '../../security/random';
import { unitView } from './views';
import { transact } from '../../ports/transaction-retry';

/** A child unit in the caller's subtree; level-1 units choose their channel, deeper ones inherit it. */
export const createUnit: Handler<typeof contract.admin.createUnit> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const parent = await unitInScope(ctx, input.parentId);
  if (parent.level >= MAX_UNIT_LEVEL) throw new AppError('UNIT_TOO_DEEP');
  const kind = parent.kind === 'office' ? input.kind : parent.kind;
  if (!kind) throw new AppError('INVALID_INPUT', '归口类型：请选择行业或地方', { kind: '归口类型：请选择行业或地方' });

  const id = newId();
  const now = ctx.now();
  const unit: UnitDoc = {
    id,
    name: input.name,
    kind,
    level: parent.level + 1,
    parentId: parent.id,
    path: childPath(parent.path, id),
    createdAt: now.toISOString(),
  };
  try {
    await transact(ctx.store, async (tx) => {
      await tx.insert('units', unit);
      await audit(tx, now, {
        actor,
        action: 'admin.createUnit',
        objectType: 'unit',
        objectId: unit.id,
        unitPath: unit.path,
        after: { name: unit.name, kind: unit.kind, level: unit.level, parentId: unit.parentId },
      });
    });
  } catch (error) {
    if (error instanceof DuplicateKeyError) {
      throw new AppError('UNIT_NAME_TAKEN', undefined, { name: '单位名称：同一上级单位下已有同名单位' });
    }
    throw error;
  }
  return { unit: unitView(unit, null) };
};
