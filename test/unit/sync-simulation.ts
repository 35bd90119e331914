/**
 * Two (or more) simulated machines sharing one browser sync account: each has
 * its own copy of sync storage (a SyncArea that enforces Chrome's quotas), and
 * `exchange()` plays the sync server: it takes each machine's writes in turn
 * (the last write of a key wins, as on the server) and delivers what changed to
 * every machine as storage.onChanged events.
 */
import type { StorageChange, SyncArea } from '@/utils/sync/area';
import { itemBytes, SYNC_QUOTA } from '@/utils/sync/wire';

export class SimulatedArea implements SyncArea {
  readonly items = new Map<string, unknown>();
  /** Write operations made (each set or remove call is one, as Chrome counts them). */
  writes = 0;
  private outbox: Array<[string, unknown]> = [];
  private readonly listeners = new Set<(changes: Record<string, StorageChange>) => void>();

  async get(keys: string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys ?? [...this.items.keys()];
    return Object.fromEntries(wanted.filter((key) => this.items.has(key)).map((key) => [key, structuredClone(this.items.get(key))]));
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const next = new Map(this.items);
    for (const [key, value] of Object.entries(items)) {
      if (itemBytes(key, value) > SYNC_QUOTA.bytesPerItem) throw new Error(`QUOTA_BYTES_PER_ITEM quota exceeded (${key})`);
      next.set(key, structuredClone(value));
    }
    if (next.size > SYNC_QUOTA.items) throw new Error('MAX_ITEMS quota exceeded');
    if (totalBytes(next) > SYNC_QUOTA.bytes) throw new Error('QUOTA_BYTES quota exceeded');
    this.writes++;
    this.apply(Object.entries(items));
    this.outbox.push(...Object.entries(items).map(([key, value]): [string, unknown] => [key, structuredClone(value)]));
  }

  async remove(keys: string[]): Promise<void> {
    this.writes++;
    this.apply(keys.map((key) => [key, undefined]));
    this.outbox.push(...keys.map((key): [string, unknown] => [key, undefined]));
  }

  watch(listener: (changes: Record<string, StorageChange>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes items as if they came from elsewhere (another machine, another version, a corrupt sync). */
  inject(items: Record<string, unknown>): void {
    this.apply(Object.entries(items));
    this.outbox.push(...Object.entries(items));
  }

  takeOutbox(): Array<[string, unknown]> {
    const out = this.outbox;
    this.outbox = [];
    return out;
  }

  /** Applies changes and tells the listeners, as storage.onChanged does. */
  apply(entries: Array<[string, unknown]>): void {
    const changes: Record<string, StorageChange> = {};
    for (const [key, value] of entries) {
      const oldValue = this.items.get(key);
      if (value === undefined) {
        if (!this.items.has(key)) continue;
        this.items.delete(key);
      } else this.items.set(key, structuredClone(value));
      changes[key] = { oldValue, newValue: value };
    }
    if (Object.keys(changes).length > 0) for (const listener of this.listeners) listener(changes);
  }
}

function totalBytes(items: Map<string, unknown>): number {
  let sum = 0;
  for (const [key, value] of items) sum += itemBytes(key, value);
  return sum;
}

export class SimulatedCloud {
  readonly items = new Map<string, unknown>();

  constructor(readonly areas: SimulatedArea[]) {}

  /** One round of the sync server: every machine's writes up, then the server's state down to every machine. */
  exchange(order: SimulatedArea[] = this.areas): void {
    for (const area of order) {
      for (const [key, value] of area.takeOutbox()) {
        if (value === undefined) this.items.delete(key);
        else this.items.set(key, value);
      }
    }
    for (const area of this.areas) {
      const entries: Array<[string, unknown]> = [];
      for (const [key, value] of this.items) {
        if (JSON.stringify(area.items.get(key)) !== JSON.stringify(value)) entries.push([key, value]);
      }
      for (const key of area.items.keys()) if (!this.items.has(key)) entries.push([key, undefined]);
      area.apply(entries);
      // What the server delivered is not this machine's to send again.
      area.takeOutbox();
    }
  }
}
