import { useCallback, useEffect, useRef, useState } from 'react';
import type { Envelope } from '../../../shared/envelope';

export interface PageData<T> {
  items: T[];
  nextCursor: string | null;
}

type ItemOf<P extends PageData<unknown>> = P['items'][number];

export interface PagedList<P extends PageData<unknown>> {
  items: ItemOf<P>[];
  /** The first page's whole answer (lists such as units also carry their parent there). */
  first: P | null;
  hasMore: boolean;
  loading: boolean;
  /** The refusal or fault of the last load, if it failed. */
  error: string | null;
  loadMore: () => void;
  reload: () => void;
}

/**
 * A cursor-paged list: the first page loads when `enabled` turns true and again whenever `key` changes;
 * `loadMore` appends the next page. Answers to superseded requests are ignored.
 */
export function usePagedList<P extends PageData<unknown>>(
  load: (cursor: string | undefined) => Promise<Envelope<P>>,
  key: string,
  enabled = true,
): PagedList<P> {
  const [items, setItems] = useState<ItemOf<P>[]>([]);
  const [first, setFirst] = useState<P | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  // Loading until the first page arrives (also while waiting for `enabled`), so an empty list is never shown early.
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback(async (from: string | undefined) => {
    const mine = from === undefined ? ++generation.current : generation.current;
    setLoading(true);
    setError(null);
    const result = await loadRef.current(from);
    if (mine !== generation.current) return;
    setLoading(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    if (from === undefined) {
      setFirst(result.data);
      setItems(result.data.items);
    } else {
      setItems((prev) => [...prev, ...result.data.items]);
    }
    setCursor(result.data.nextCursor);
  }, []);

  useEffect(() => {
    if (!enabled) return;
    setItems([]);
    setFirst(null);
    setCursor(null);
    void fetchPage(undefined);
  }, [enabled, key, fetchPage]);

  const loadMore = useCallback(() => {
    if (cursor && !loading) void fetchPage(cursor);
  }, [cursor, loading, fetchPage]);

  const reload = useCallback(() => {
    void fetchPage(undefined);
  }, [fetchPage]);

  return { items, first, hasMore: cursor !== null, loading, error, loadMore, reload };
}
