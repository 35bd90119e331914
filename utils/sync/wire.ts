/**
 * How records are laid out in the browser's sync storage (`storage.sync`), and
 * the quotas that storage enforces. Pure: no browser globals, so two simulated
 * machines can run it in Node.
 *
 * One record is one header item (`tl.r.<kind>.<key id>`), holding the record
 * inline when it fits in one item, or else the number of chunk items
 * (`tl.c.<kind>.<key id>.<digest>.<i>`) its JSON text was cut into. A chunk's
 * key names the digest of the version it belongs to, so a reader never glues
 * together pieces of two versions, and a header whose chunks have not all
 * arrived yet is simply incomplete.
 */
import { z } from 'zod';

/** Chrome's `storage.sync` limits (chrome.storage.sync.QUOTA_BYTES and friends); Firefox enforces the same per-item size. */
export const SYNC_QUOTA = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

/**
 * What the records may use: the quota less room kept for the settings item and
 * a few items of headroom, so a full store of notes never blocks a settings change.
 */
export const RECORD_BUDGET = { bytes: SYNC_QUOTA.bytes - 4_096, items: SYNC_QUOTA.items - 8 } as const;

/** The most chunks one record may take (about 64 KB): a bigger one is reported as too large, and the rest keep syncing. */
export const MAX_CHUNKS_PER_RECORD = 8;

export const HEADER_PREFIX = 'tl.r.';
export const CHUNK_PREFIX = 'tl.c.';
export const SETTINGS_KEY = 'tl.settings';

/** Which machine wrote how many versions of a record: tells a later version from a concurrent one. */
export type VersionVector = Record<string, number>;

export type Order = 'equal' | 'before' | 'after' | 'concurrent';

/** How `a` relates to `b`: `after` when a has seen everything b has and more. */
export function compareVersions(a: VersionVector, b: VersionVector): Order {
  let aAhead = false;
  let bAhead = false;
  for (const writer of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[writer] ?? 0;
    const y = b[writer] ?? 0;
    if (x > y) aAhead = true;
    if (y > x) bAhead = true;
  }
  if (aAhead && bAhead) return 'concurrent';
  if (aAhead) return 'after';
  if (bAhead) return 'before';
  return 'equal';
}

export function mergeVersions(a: VersionVector, b: VersionVector): VersionVector {
  const merged: VersionVector = { ...a };
  for (const [writer, n] of Object.entries(b)) merged[writer] = Math.max(merged[writer] ?? 0, n);
  return merged;
}

export function nextVersion(base: VersionVector, writer: string): VersionVector {
  return { ...base, [writer]: (base[writer] ?? 0) + 1 };
}

/** JSON with object keys sorted, so the same record has the same text (and digest) on every machine. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/** A 53-bit hash (cyrb53) in base 36: change detection and chunk names, not security. */
export function digest(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function recordDigest(record: unknown): string {
  return digest(canonicalJson(record));
}

const encoder = new TextEncoder();
export function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** What an item costs against the quota: its key plus its value as JSON, in UTF-8 bytes (how Chrome counts). */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value));
}

/** A record id as a key part: ids that are short and plain are used as they are, others by their digest (the header keeps the id). */
export function keyId(id: string): string {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : `h${digest(id)}`;
}

export function headerKey(kind: string, id: string): string {
  return `${HEADER_PREFIX}${kind}.${keyId(id)}`;
}

export function chunkKey(header: string, hash: string, index: number): string {
  return `${CHUNK_PREFIX}${header.slice(HEADER_PREFIX.length)}.${hash}.${index}`;
}

const Writer = z.string().regex(/^[a-z0-9]{1,16}$/);
const Versions = z.record(Writer, z.number().int().positive());

/** A header item as stored. `r` (inline record) or `n` (chunk count) for a live record; `del` for a deletion. */
export const HeaderSchema = z.object({
  k: z.string().regex(/^[a-z][a-z0-9-]{0,15}$/),
  id: z.string().min(1).max(2_000),
  v: Versions.refine((v) => Object.keys(v).length > 0, 'a version vector names a writer'),
  w: Writer,
  h: z.string().regex(/^[a-z0-9]{1,12}$/),
  /** Epoch ms of this version: the record's own time, or the deletion's. */
  at: z.number().int().nonnegative(),
  del: z.literal(1).optional(),
  r: z.unknown().optional(),
  n: z.number().int().min(1).max(MAX_CHUNKS_PER_RECORD).optional(),
});
export type Header = z.infer<typeof HeaderSchema>;

/** A version of one record as it travels: the record itself, or its deletion. */
export interface WireVersion {
  kind: string;
  id: string;
  versions: VersionVector;
  writer: string;
  at: number;
  /** The record, or null for a deletion. */
  record: unknown;
}

export type Encoded = { ok: true; items: Record<string, unknown>; bytes: number } | { ok: false; reason: 'too-large'; bytes: number };

/** The items of one version: the header alone, or the header and its chunks. */
export function encodeVersion(version: WireVersion): Encoded {
  const key = headerKey(version.kind, version.id);
  const base = { k: version.kind, id: version.id, v: version.versions, w: version.writer, at: version.at };
  if (version.record === null) {
    const header = { ...base, h: digest('deleted'), del: 1 as const };
    return { ok: true, items: { [key]: header }, bytes: itemBytes(key, header) };
  }
  const text = canonicalJson(version.record);
  const hash = digest(text);
  const inline = { ...base, h: hash, r: JSON.parse(text) as unknown };
  const inlineBytes = itemBytes(key, inline);
  if (inlineBytes <= SYNC_QUOTA.bytesPerItem) return { ok: true, items: { [key]: inline }, bytes: inlineBytes };
  const pieces = splitForItems(text, chunkKey(key, hash, MAX_CHUNKS_PER_RECORD));
  const total = utf8Bytes(text);
  if (pieces.length > MAX_CHUNKS_PER_RECORD) return { ok: false, reason: 'too-large', bytes: total };
  const header = { ...base, h: hash, n: pieces.length };
  const items: Record<string, unknown> = { [key]: header };
  let bytes = itemBytes(key, header);
  pieces.forEach((piece, i) => {
    const chunk = chunkKey(key, hash, i);
    items[chunk] = piece;
    bytes += itemBytes(chunk, piece);
  });
  return { ok: true, items, bytes };
}

/**
 * Cuts text into pieces that each fit one item under a key no longer than
 * `longestKey`, measured as JSON (escapes included), never inside a surrogate pair.
 */
export function splitForItems(text: string, longestKey: string): string[] {
  const room = SYNC_QUOTA.bytesPerItem - utf8Bytes(longestKey) - 2; // the value's quotes
  const pieces: string[] = [];
  let piece = '';
  let size = 0;
  for (const char of text) {
    const cost = utf8Bytes(JSON.stringify(char)) - 2;
    if (size + cost > room) {
      pieces.push(piece);
      piece = '';
      size = 0;
    }
    piece += char;
    size += cost;
  }
  if (piece || pieces.length === 0) pieces.push(piece);
  return pieces;
}

/** The chunk keys a header refers to. */
export function chunkKeysOf(key: string, header: Pick<Header, 'h' | 'n'>): string[] {
  return Array.from({ length: header.n ?? 0 }, (_, i) => chunkKey(key, header.h, i));
}

export type Decoded =
  { ok: true; version: WireVersion; hash: string; deleted: boolean } | { ok: false; reason: 'corrupt' | 'incomplete'; detail: string };

/** Reads one header (and its chunks from `items`); anything malformed is `corrupt`, missing chunks `incomplete`. */
export function decodeVersion(key: string, raw: unknown, items: Record<string, unknown>): Decoded {
  const parsed = HeaderSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'corrupt', detail: parsed.error.issues[0]?.message ?? 'malformed' };
  const header = parsed.data;
  if (headerKey(header.k, header.id) !== key) return { ok: false, reason: 'corrupt', detail: 'the key does not match the record' };
  const version = { kind: header.k, id: header.id, versions: header.v, writer: header.w, at: header.at };
  if (header.del === 1) return { ok: true, version: { ...version, record: null }, hash: header.h, deleted: true };
  let text: string;
  if (header.n !== undefined) {
    const pieces = chunkKeysOf(key, header).map((chunk) => items[chunk]);
    if (pieces.some((piece) => piece === undefined)) return { ok: false, reason: 'incomplete', detail: 'chunks missing' };
    if (pieces.some((piece) => typeof piece !== 'string')) return { ok: false, reason: 'corrupt', detail: 'a chunk is not text' };
    text = pieces.join('');
  } else if (header.r !== undefined) {
    text = canonicalJson(header.r);
  } else {
    return { ok: false, reason: 'corrupt', detail: 'neither a record nor chunks' };
  }
  if (digest(text) !== header.h) return { ok: false, reason: 'corrupt', detail: 'the record does not match its digest' };
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt', detail: 'the record is not JSON' };
  }
  return { ok: true, version: { ...version, record }, hash: header.h, deleted: false };
}
