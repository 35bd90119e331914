/**
 * Replication of the notes database's records through the browser's sync
 * storage. IndexedDB stays the source of truth on each machine; sync storage
 * holds one copy of each record (wire.ts) with its version vector and writer.
 *
 * One `reconcile()` compares three things per record: what sync storage holds
 * now, what this machine last agreed with it (the `syncBase` table), and the
 * local record. Another machine's later version replaces an unchanged local
 * record; a local change is pushed; a change on both sides at once is resolved
 * by the record's kind, which keeps the losing version (a note becomes a second
 * note), and is reported. Nothing is ever deleted locally to make room.
 *
 * Pure: the storage area, the clock and the write pacing are parameters.
 */
import type { NotesDatabase, SyncBaseRecord } from '@/utils/notes/db';
import type { SyncArea } from './area';
import { SYNC_KINDS, type AnySyncKind } from './kinds';
import {
  CHUNK_PREFIX,
  chunkKeysOf,
  compareVersions,
  decodeVersion,
  digest,
  encodeVersion,
  HEADER_PREFIX,
  headerKey,
  HeaderSchema,
  itemBytes,
  mergeVersions,
  nextVersion,
  RECORD_BUDGET,
  recordDigest,
  SETTINGS_KEY,
  type VersionVector,
  type WireVersion,
} from './wire';

/** How long a deletion stays in sync storage for machines that are offline; then the machine that wrote it removes it. */
export const TOMBSTONE_KEEP_MS = 30 * 24 * 60 * 60 * 1000;

/** A record that is not in sync storage, and why. */
export interface NotSynced {
  kind: string;
  id: string;
  /** Whose record it is (a person id). */
  label: string;
  /** `no-room`: the quota is full. `too-large`: the record alone is bigger than one record may be. */
  reason: 'no-room' | 'too-large';
}

/** An item of sync storage that was ignored. */
export interface IgnoredItem {
  key: string;
  reason: 'foreign' | 'corrupt' | 'incomplete' | 'unknown-kind' | 'invalid-record';
  detail: string;
}

/** A record changed on two machines at once; both versions were kept. */
export interface SyncConflict {
  kind: string;
  id: string;
  label: string;
  /** `both-edited`: the losing version was kept as `keptAs`. `edited-deleted`: deleted on one machine, edited on the other: the edit was kept. */
  what: 'both-edited' | 'edited-deleted';
  keptAs?: string;
  at: number;
}

export interface SyncStatus {
  bytesInUse: number;
  itemsInUse: number;
  notSynced: NotSynced[];
  ignored: IgnoredItem[];
  /** The most recent first, at most `MAX_REPORTED_CONFLICTS`. */
  conflicts: SyncConflict[];
  /** The last write that sync storage refused (a quota or the write rate), retried on the next change. */
  lastError?: string;
  at: number;
}

const MAX_REPORTED_CONFLICTS = 20;

/** What a reconcile rejects with once the engine was stopped (the switch was turned off). */
export class SyncStopped extends Error {
  constructor() {
    super('sync was turned off');
  }
}
const DELETED = digest('deleted');

export interface SyncEngineOptions {
  db: NotesDatabase;
  area: SyncArea;
  /** This machine's writer id (`newMachineId`). */
  machine: string;
  kinds?: readonly AnySyncKind[];
  now?: () => number;
  /** Resolves when the next write to sync storage is allowed (write-pacing.ts). */
  writeSlot?: () => Promise<void>;
  /** Conflicts already reported (kept across restarts by the caller). */
  conflicts?: SyncConflict[];
}

/** A random writer id: 10 base-36 characters. */
export function newMachineId(random: () => number = Math.random): string {
  return Array.from({ length: 10 }, () => Math.floor(random() * 36).toString(36)).join('');
}

interface Local {
  kind: AnySyncKind;
  record: unknown;
  hash: string;
}

type Remote = { state: 'ok'; version: WireVersion; hash: string; kind: AnySyncKind; record: unknown } | { state: 'skip' };

export class SyncEngine {
  private readonly db: NotesDatabase;
  private readonly area: SyncArea;
  private readonly machine: string;
  private readonly kinds: Map<string, AnySyncKind>;
  private readonly now: () => number;
  private readonly writeSlot: () => Promise<void>;
  private conflicts: SyncConflict[];
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(options: SyncEngineOptions) {
    this.db = options.db;
    this.area = options.area;
    this.machine = options.machine;
    this.kinds = new Map((options.kinds ?? SYNC_KINDS).map((kind) => [kind.name, kind]));
    this.now = options.now ?? Date.now;
    this.writeSlot = options.writeSlot ?? (() => Promise.resolve());
    this.conflicts = options.conflicts ?? [];
  }

  /** Stops for good: no reconcile starts after this, and one under way writes nothing more. */
  stop(): void {
    this.stopped = true;
  }

  /** Runs one reconcile after any that is running: calls never overlap. */
  reconcile(): Promise<SyncStatus> {
    const run = this.queue.then(() => this.reconcileOnce());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async reconcileOnce(): Promise<SyncStatus> {
    if (this.stopped) throw new SyncStopped();
    const snapshot = await this.area.get(null);
    const ignored: IgnoredItem[] = [];
    const remotes = this.readRemote(snapshot, ignored);
    await this.merge(remotes);
    const { notSynced, lastError } = await this.push(snapshot, remotes);
    const after = await this.area.get(null);
    const usage = Object.entries(after).reduce((sum, [key, value]) => sum + itemBytes(key, value), 0);
    return {
      bytesInUse: usage,
      itemsInUse: Object.keys(after).length,
      notSynced,
      ignored,
      conflicts: this.conflicts,
      ...(lastError ? { lastError } : {}),
      at: this.now(),
    };
  }

  /** Every header in sync storage, decoded; what cannot be used is reported in `ignored`. */
  private readRemote(snapshot: Record<string, unknown>, ignored: IgnoredItem[]): Map<string, Remote> {
    const remotes = new Map<string, Remote>();
    for (const [key, raw] of Object.entries(snapshot)) {
      // Chunks are read through their header. One that no header names is a version still arriving, or
      // left by an interrupted write: ours either way, so not reported as foreign.
      if (key === SETTINGS_KEY || key.startsWith(CHUNK_PREFIX)) continue;
      if (!key.startsWith(HEADER_PREFIX)) {
        ignored.push({ key, reason: 'foreign', detail: 'not written by Talent Lens' });
        continue;
      }
      const decoded = decodeVersion(key, raw, snapshot);
      if (!decoded.ok) {
        ignored.push({ key, reason: decoded.reason, detail: decoded.detail });
        remotes.set(key, { state: 'skip' });
        continue;
      }
      const kind = this.kinds.get(decoded.version.kind);
      if (!kind) {
        ignored.push({ key, reason: 'unknown-kind', detail: `records of kind "${decoded.version.kind}" are not known to this version` });
        remotes.set(key, { state: 'skip' });
        continue;
      }
      const record = decoded.deleted ? null : kind.parse(decoded.version.record);
      if (!decoded.deleted && (record === null || kind.idOf(record) !== decoded.version.id)) {
        ignored.push({ key, reason: 'invalid-record', detail: `not a valid ${kind.name}` });
        remotes.set(key, { state: 'skip' });
        continue;
      }
      remotes.set(key, { state: 'ok', version: decoded.version, hash: decoded.hash, kind, record });
    }
    return remotes;
  }

  private async locals(): Promise<Map<string, Local>> {
    const locals = new Map<string, Local>();
    for (const kind of this.kinds.values()) {
      for (const record of await kind.list(this.db)) {
        locals.set(headerKey(kind.name, kind.idOf(record)), { kind, record, hash: recordDigest(record) });
      }
    }
    return locals;
  }

  private async bases(): Promise<Map<string, SyncBaseRecord>> {
    return new Map((await this.db.syncBase.toArray()).map((base) => [base.key, base]));
  }

  /** Takes in other machines' versions. */
  private async merge(remotes: Map<string, Remote>): Promise<void> {
    const bases = await this.bases();
    const locals = await this.locals();
    const now = this.now();
    for (const [key, remote] of remotes) {
      if (remote.state !== 'ok') continue;
      const base = bases.get(key);
      const local = locals.get(key);
      const order = base ? compareVersions(remote.version.versions, base.versions) : 'after';
      if (order === 'equal' || order === 'before') continue;
      const localHash = local ? local.hash : DELETED;
      const localChanged = base ? localHash !== base.hash : local !== undefined;
      const merged = mergeVersions(base?.versions ?? {}, remote.version.versions);
      const { kind, record } = remote;
      const remoteBase = (versions: VersionVector, unsent: boolean): SyncBaseRecord => ({
        key,
        kind: kind.name,
        id: remote.version.id,
        versions,
        writer: remote.version.writer,
        hash: remote.hash,
        deleted: record === null,
        at: remote.version.at,
        ...(unsent ? { unsent } : {}),
      });

      if (localHash === remote.hash) {
        // Both sides hold the same: agree on a version that has seen both.
        await this.db.syncBase.put(remoteBase(merged, order === 'concurrent'));
      } else if (!localChanged && order === 'after') {
        if (record !== null) await kind.put(this.db, record, now);
        else if (local) await kind.remove(this.db, remote.version.id, now);
        await this.db.syncBase.put(remoteBase(remote.version.versions, false));
      } else {
        await this.resolveConcurrent(key, kind, local?.record ?? null, remote.version, record, merged, remoteBase);
      }
    }
  }

  /** Both machines changed the record: the kind picks the winner, the loser is kept, and the conflict is reported. */
  private async resolveConcurrent(
    key: string,
    kind: AnySyncKind,
    local: unknown,
    version: WireVersion,
    remote: unknown,
    merged: VersionVector,
    remoteBase: (versions: VersionVector, unsent: boolean) => SyncBaseRecord,
  ): Promise<void> {
    const now = this.now();
    const localBase = (record: unknown): SyncBaseRecord => ({
      key,
      kind: kind.name,
      id: version.id,
      versions: merged,
      writer: this.machine,
      hash: recordDigest(record),
      deleted: false,
      at: now,
      unsent: true,
    });
    const label = kind.labelOf(local ?? remote);
    if (local !== null && remote !== null) {
      const { winner, keep } = kind.resolve(local, remote, { local: this.machine, remote: version.writer });
      if (winner === 'remote') await kind.put(this.db, remote, now);
      if (keep !== undefined) await kind.put(this.db, keep, now);
      await this.db.syncBase.put(winner === 'remote' ? remoteBase(merged, true) : localBase(local));
      this.report({ kind: kind.name, id: version.id, label, what: 'both-edited', ...(keep ? { keptAs: kind.idOf(keep) } : {}), at: now });
    } else if (local !== null) {
      // Deleted there, edited here: the edit stays, and goes back out.
      await this.db.syncBase.put(localBase(local));
      this.report({ kind: kind.name, id: version.id, label, what: 'edited-deleted', at: now });
    } else if (remote !== null) {
      // Deleted here, edited there: the edit comes back.
      await kind.put(this.db, remote, now);
      await this.db.syncBase.put(remoteBase(merged, true));
      this.report({ kind: kind.name, id: version.id, label, what: 'edited-deleted', at: now });
    }
  }

  private report(conflict: SyncConflict): void {
    this.conflicts = [conflict, ...this.conflicts.filter((c) => c.id !== conflict.id || c.kind !== conflict.kind)].slice(
      0,
      MAX_REPORTED_CONFLICTS,
    );
  }

  /** Writes this machine's changes, as many as fit, in one set and one remove. */
  private async push(
    snapshot: Record<string, unknown>,
    remotes: Map<string, Remote>,
  ): Promise<{ notSynced: NotSynced[]; lastError?: string }> {
    const bases = await this.bases();
    const locals = await this.locals();
    const now = this.now();
    const changes: Change[] = [];

    for (const [key, local] of locals) {
      if (remotes.get(key)?.state === 'skip') continue;
      const base = bases.get(key);
      const id = local.kind.idOf(local.record);
      const label = local.kind.labelOf(local.record);
      const time = local.kind.timeOf(local.record);
      // Also when sync storage lost the item (its data was cleared): this machine's copy goes back.
      if (!base || base.hash !== local.hash || !Object.hasOwn(snapshot, key)) {
        changes.push({
          key,
          label,
          time,
          base,
          version: this.version(local.kind, id, nextVersion(base?.versions ?? {}, this.machine), time, local.record),
        });
      } else if (base.unsent) {
        changes.push({ key, label, time, base, version: this.version(local.kind, id, base.versions, time, local.record) });
      }
    }
    const cleanup: SyncBaseRecord[] = [];
    for (const [key, base] of bases) {
      if (locals.has(key) || remotes.get(key)?.state === 'skip') continue;
      if (!base.deleted) {
        changes.push({
          key,
          label: '',
          time: now,
          base,
          version: this.version(null, base, nextVersion(base.versions, this.machine), now, null),
        });
      } else if (base.unsent) {
        changes.push({ key, label: '', time: base.at, base, version: this.version(null, base, base.versions, base.at, null) });
      } else if (!Object.hasOwn(snapshot, key) || (base.writer === this.machine && now - base.at > TOMBSTONE_KEEP_MS)) {
        cleanup.push(base);
      }
    }

    // Sizes against the quota: only our own record items count against the records' budget.
    let recordBytes = 0;
    let recordItems = 0;
    let otherBytes = 0;
    let otherItems = 0;
    for (const [key, value] of Object.entries(snapshot)) {
      const ours = key.startsWith(HEADER_PREFIX) || key.startsWith(CHUNK_PREFIX);
      if (ours) {
        recordBytes += itemBytes(key, value);
        recordItems++;
      } else if (key !== SETTINGS_KEY) {
        otherBytes += itemBytes(key, value);
        otherItems++;
      }
    }
    const budgetBytes = RECORD_BUDGET.bytes - otherBytes;
    const budgetItems = RECORD_BUDGET.items - otherItems;

    const toSet: Record<string, unknown> = {};
    const toRemove = new Set<string>();
    const written: SyncBaseRecord[] = [];
    const notSynced: NotSynced[] = [];
    for (const base of cleanup) {
      if (Object.hasOwn(snapshot, base.key)) {
        toRemove.add(base.key);
        recordBytes -= itemBytes(base.key, snapshot[base.key]);
        recordItems--;
      }
    }
    // Deletions first (they free room), then records already in sync storage, then new ones, newest first.
    const rank = (change: Change) => (change.version.record === null ? 0 : Object.hasOwn(snapshot, change.key) ? 1 : 2);
    changes.sort((a, b) => rank(a) - rank(b) || b.time - a.time);
    for (const change of changes) {
      const { key, version } = change;
      const encoded = encodeVersion(version);
      const kind = version.kind;
      if (!encoded.ok) {
        notSynced.push({ kind, id: version.id, label: change.label, reason: 'too-large' });
        continue;
      }
      const oldKeys = existingKeys(key, snapshot);
      const oldBytes = oldKeys.reduce((sum, k) => sum + itemBytes(k, snapshot[k]), 0);
      const newKeys = Object.keys(encoded.items);
      const bytes = recordBytes - oldBytes + encoded.bytes;
      const items = recordItems - oldKeys.length + newKeys.length;
      if (bytes > budgetBytes || items > budgetItems) {
        notSynced.push({ kind, id: version.id, label: change.label, reason: 'no-room' });
        continue;
      }
      recordBytes = bytes;
      recordItems = items;
      Object.assign(toSet, encoded.items);
      for (const old of oldKeys) if (!(old in encoded.items)) toRemove.add(old);
      written.push({
        key,
        kind,
        id: version.id,
        versions: version.versions,
        writer: this.machine,
        hash: version.record === null ? DELETED : recordDigest(version.record),
        deleted: version.record === null,
        at: version.at,
      });
    }

    try {
      if (Object.keys(toSet).length > 0) {
        await this.writeSlot();
        if (this.stopped) throw new SyncStopped();
        await this.area.set(toSet);
      }
      if (toRemove.size > 0) {
        await this.writeSlot();
        if (this.stopped) throw new SyncStopped();
        await this.area.remove([...toRemove]);
      }
    } catch (error) {
      if (error instanceof SyncStopped) throw error;
      return { notSynced, lastError: error instanceof Error ? error.message : String(error) };
    }
    if (written.length > 0 || cleanup.length > 0) {
      await this.db.transaction('rw', this.db.syncBase, async () => {
        await this.db.syncBase.bulkPut(written);
        await this.db.syncBase.bulkDelete(cleanup.map((base) => base.key));
      });
    }
    return { notSynced };
  }

  private version(
    kind: AnySyncKind | null,
    idOrBase: string | SyncBaseRecord,
    versions: VersionVector,
    at: number,
    record: unknown,
  ): WireVersion {
    const [kindName, id] = typeof idOrBase === 'string' ? [kind!.name, idOrBase] : [idOrBase.kind, idOrBase.id];
    return { kind: kindName, id, versions, writer: this.machine, at, record };
  }
}

interface Change {
  key: string;
  label: string;
  time: number;
  base: SyncBaseRecord | undefined;
  version: WireVersion;
}

/** The header and the chunks it names, as sync storage holds them now. */
function existingKeys(key: string, snapshot: Record<string, unknown>): string[] {
  if (!Object.hasOwn(snapshot, key)) return [];
  const header = HeaderSchema.safeParse(snapshot[key]);
  const chunks = header.success ? chunkKeysOf(key, header.data).filter((chunk) => Object.hasOwn(snapshot, chunk)) : [];
  return [key, ...chunks];
}
