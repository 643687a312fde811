import type { IndexSpec } from '../../cloudfunctions/app/collections';

/**
 * The collections the store contract suite writes to: test-only names, so running the suite
 * against a real CloudBase environment never touches the product's collections.
 * The real-environment suite creates them and their indexes itself (database-plan.ts).
 */
export const CONTRACT_COLLECTIONS = {
  contract_items: [{ fields: ['code'], unique: true }, { fields: ['group', 'rank'] }],
  contract_logs: [],
  /** The rate limiter's contract (rate-limiter-contract.ts): counters shaped like `rateLimits`. */
  contract_rate_limits: [{ fields: ['expiresAt'] }],
} satisfies Record<string, IndexSpec[]>;

export const ITEMS = 'contract_items';
export const LOGS = 'contract_logs';
export const RATE_LIMITS = 'contract_rate_limits';
