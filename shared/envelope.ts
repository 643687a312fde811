import type { ErrorBody } from './errors';

/** What every function answers: data on success, a coded error otherwise. Never a stack trace. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const success = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const failure = (error: ErrorBody): Envelope<never> => ({ ok: false, error });
