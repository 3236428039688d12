import { type EventContract } from '@antt/contracts';
import { type NewEvent } from '../envelope';
import { type SqlExecutor, type TransactionRunner } from '../sql';
import { appendToOutbox } from './append';

/** Options of {@link appendClaimed}. */
export interface AppendClaimedOptions<TItem, TTx extends SqlExecutor> {
  /** Runs one batch in one transaction (e.g. `(fn) => prisma.$transaction(fn)`). */
  transaction: TransactionRunner<TTx>;
  /**
   * Inserts one "sent" row per item of the batch with `ON CONFLICT DO NOTHING` on the item's unique key and returns the keys
   * of the rows this call inserted (`RETURNING`): a row another caller inserted first is not returned.
   */
  claim: (tx: TTx, batch: readonly TItem[]) => Promise<Iterable<string>>;
  /** The item's key, as `claim` returns it. */
  key: (item: TItem) => string;
  /** The event an item publishes. */
  event: (item: TItem) => NewEvent<EventContract>;
  /** The producing service (see {@link appendToOutbox}). */
  source: string;
  /** Items per transaction (default 1000). */
  batchSize?: number;
}

/**
 * Publishes each item's event once, whoever else runs the same call at the same time (several replicas of a scheduler):
 * per batch, one transaction claims the items ({@link AppendClaimedOptions.claim}: a unique "sent" row each) and appends
 * to the outbox the events of the items it claimed. The row and its event commit together or not at all, and of two
 * concurrent transactions inserting the same key the second waits for the first and then skips it, so every item's event
 * is written exactly once. Returns the items this call sent, in order.
 */
export async function appendClaimed<TItem, TTx extends SqlExecutor>(items: readonly TItem[], options: AppendClaimedOptions<TItem, TTx>): Promise<TItem[]> {
  const size = options.batchSize ?? 1000;
  const sent: TItem[] = [];
  for (let start = 0; start < items.length; start += size) {
    const batch = items.slice(start, start + size);
    const won = await options.transaction(async (tx) => {
      const claimed = new Set(await options.claim(tx, batch));
      const mine = batch.filter((item) => claimed.has(options.key(item)));
      await appendToOutbox(tx, mine.map(options.event), { source: options.source });
      return mine;
    });
    sent.push(...won);
  }
  return sent;
}
