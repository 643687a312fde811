/**
 * Units form a tree under the office's root unit. Each unit stores its materialized path
 * ("/root/a/b/": the ids from the root down to itself), so "in the subtree of X" is a prefix test
 * that both stores answer from an index.
 */
export const MAX_UNIT_LEVEL = 3;

export function childPath(parentPath: string, childId: string): string {
  return `${parentPath}${childId}/`;
}

export function isWithin(scopePath: string, targetPath: string): boolean {
  return targetPath.startsWith(scopePath);
}

/** Ids on the path from the root to the unit, the unit itself last. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}
