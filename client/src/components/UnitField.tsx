import { useEffect, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import type { UnitView } from '../../../shared/contract';
import { MAX_UNIT_LEVEL } from '../../../shared/domain/unit-tree';
import { listUnits } from '../services';
import { FieldError, FieldLabel } from './FormField';
import { Tappable } from './Tappable';
import './unit-field.css';

/** The unit the chooser starts from: the caller's own (the top of their subtree). */
export interface RootUnit {
  id: string;
  name: string;
  level: number;
}

interface Props {
  /** The value's name in the schema; also the hooks `#form-field-<name>`, `.unit-field__level--<depth>`. */
  name: string;
  label: string;
  root: RootUnit;
  value: string;
  error?: string;
  required?: boolean;
  onChange: (unitId: string) => void;
}

const H5 = process.env.TARO_ENV === 'h5';
const NO_CHILD = '不选下级（本级）';

/** Every unit directly under `parentId`, all pages of `admin.listUnits` (a level holds tens, not thousands). */
async function childUnits(parentId: string): Promise<UnitView[] | string> {
  const units: UnitView[] = [];
  let cursor: string | undefined;
  do {
    const result = await listUnits({ parentId, cursor, limit: 50 });
    if (!result.ok) return result.error.message;
    units.push(...result.data.items);
    cursor = result.data.nextCursor ?? undefined;
  } while (cursor);
  return units;
}

/**
 * A unit of the caller's subtree, chosen one level at a time: their own unit to start with, then a picker of
 * the units directly under the last one chosen (none picked = that unit), down to level 3. A level's units
 * load when it opens, so an office with many units never loads the whole tree. The chosen unit's full name
 * is shown above the pickers (a picker shows one line). The mini program opens WeChat's own picker; the
 * browser a native `<select>` (keyboard and screen reader can operate it; Taro's H5 picker is drawn wheels).
 */
export function UnitField({ name, label, root, value, error, required, onChange }: Props) {
  /** The units chosen below the root, top down (the last is the value, or the root when empty). */
  const [trail, setTrail] = useState<UnitView[]>([]);
  const [children, setChildren] = useState<Record<string, UnitView[] | string>>({});
  const levels: RootUnit[] = [root, ...trail];
  const open = levels[levels.length - 1];

  // The form starts from (and resets to) the root: a value outside the trail drops the trail.
  useEffect(() => {
    if (value === root.id && trail.length) setTrail([]);
  }, [value, root.id, trail.length]);

  useEffect(() => {
    if (open.level >= MAX_UNIT_LEVEL || children[open.id] !== undefined) return;
    let live = true;
    void childUnits(open.id).then((units) => live && setChildren((prev) => ({ ...prev, [open.id]: units })));
    return () => {
      live = false;
    };
  }, [open.id, open.level, children]);

  /** At `depth` (0: under the root), pick the unit at `index` of its parent's children, or none (-1). */
  const pick = (depth: number, index: number) => {
    const options = children[levels[depth].id];
    const next = trail.slice(0, depth);
    if (Array.isArray(options) && options[index]) next.push(options[index]);
    setTrail(next);
    onChange((next[next.length - 1] ?? root).id);
  };

  const chosen = levels[levels.length - 1];
  return (
    <View id={`form-field-${name}`} className={`form-field form-field--${name} unit-field ${error ? 'form-field--invalid' : ''}`}>
      <View className="form-field__row unit-field__row">
        <FieldLabel label={label} required={required} />
        <Text className="form-field__input unit-field__chosen">{chosen.name}</Text>
      </View>
      {levels.map((parent, depth) => {
        const options = children[parent.id];
        if (typeof options === 'string') {
          return (
            <View key={parent.id} className="unit-field__failed">
              <Text className="unit-field__failed-reason">{options}</Text>
              {/* Forgetting the failure loads the level again. */}
              <Tappable className="link unit-field__retry" onTap={() => setChildren(({ [parent.id]: _failed, ...rest }) => rest)}>
                重试
              </Tappable>
            </View>
          );
        }
        if (!options?.length) return null;
        const picked = trail[depth] ? options.findIndex((u) => u.id === trail[depth].id) : -1;
        const names = [NO_CHILD, ...options.map((u) => u.name)];
        return (
          <View key={parent.id} className={`form-field__row unit-field__level unit-field__level--${depth}`}>
            <Text className="form-field__label unit-field__under">{depth === 0 ? '下级单位' : '再下一级'}</Text>
            {H5 ? (
              <select
                className="form-field__input unit-field__select"
                aria-label={`${parent.name}的下级单位`}
                value={String(picked)}
                onChange={(e) => pick(depth, Number(e.target.value))}
              >
                <option value="-1">{NO_CHILD}</option>
                {options.map((unit, i) => (
                  <option key={unit.id} value={String(i)}>
                    {unit.name}
                  </option>
                ))}
              </select>
            ) : (
              <Picker className="form-field__input unit-field__picker" mode="selector" range={names} value={picked + 1} onChange={(e) => pick(depth, Number(e.detail.value) - 1)}>
                <Text className={`unit-field__pick ${picked < 0 ? 'unit-field__pick--none' : ''}`}>{names[picked + 1]}</Text>
              </Picker>
            )}
          </View>
        );
      })}
      <FieldError name={name} error={error} />
    </View>
  );
}
