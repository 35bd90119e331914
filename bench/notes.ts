/**
 * The notes scenario of `npm run bench`: 20,000 notes seeded into the
 * extension's IndexedDB, then the notes page's first render, one search
 * keystroke, and the card's notes for a person with 20,000 notes (the card opened on a page, through its
 * note session and frame, as a reader opens it).
 *
 * Everything is timed from outside the extension's code, the same way for any
 * build (so a build of an older commit, which has no notes marks, is measured
 * exactly like this one): a MutationObserver in an init script notes when the
 * first note row enters the DOM, then one animation frame and a forced layout
 * mark the moment the browser could paint it.
 */
import type { Page } from 'playwright-core';
import { launch, servePages } from './browser';
import { createRng } from './prng';
import { summarize, type Summary } from './stats';
import type { NoteRecord } from '../utils/notes/records';

export const NOTES_COUNT = 20_000;
/** The word the keystroke types: in about a tenth of the notes. */
const SEARCH_WORD = 'tokenizer';
const FRAME_PERSON = 'sam-altman';
/** The page the card is opened on: one mention of the frame's person. */
const CARD_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes bench</title></head><body><p>Chief executive Sam Altman said the lab would keep hiring.</p></body></html>';

/** Records when the first note row is in the DOM and laid out, in every page of the context. */
const NOTES_INIT_SCRIPT = `(() => {
  const state = { firstRow: null };
  Object.defineProperty(window, '__tlNotesBench', { value: state, enumerable: false });
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="note"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => { void document.body.offsetHeight; state.firstRow = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

const WORDS = [
  'model',
  'training',
  'team',
  'offer',
  'compute',
  'research',
  'lab',
  'paper',
  'interview',
  'scaling',
  'safety',
  'robotics',
  'agent',
  'reasoning',
  'chip',
  'startup',
  'founder',
  'hire',
  'equity',
  'meeting',
  '模型',
  '训练',
  '团队',
  '研究',
  '芯片',
  '融资',
];

/** A generated note: the stored record, declared once in utils/notes/records.ts. */
export type SeedNote = NoteRecord;

/** Deterministic notes: one to four sentences, a tenth with the search word, half with an origin, some sharing a time. */
export function generateNotes(count: number, people: readonly string[], seed: number): SeedNote[] {
  const rng = createRng(seed);
  const notes: SeedNote[] = [];
  let time = Date.UTC(2026, 0, 1);
  for (let i = 0; i < count; i++) {
    const sentences = Array.from(
      { length: rng.int(1, 4) },
      () => Array.from({ length: rng.int(4, 12) }, () => rng.pick(WORDS)).join(' ') + '.',
    );
    if (rng.chance(0.1)) sentences.push(`The ${SEARCH_WORD} came up.`);
    if (!rng.chance(0.05)) time += rng.int(1, 600_000);
    const note: SeedNote = {
      id: `bench-${String(i).padStart(6, '0')}`,
      personId: rng.pick(people),
      text: sentences.join(' '),
      createdAt: time,
      updatedAt: time,
      revision: 1,
    };
    if (rng.chance(0.5))
      note.origin = { url: `https://news.example/${i}`, title: `Story ${i}`, ...(rng.chance(0.3) ? { selection: rng.pick(WORDS) } : {}) };
    notes.push(note);
  }
  return notes;
}

/** Replaces every note with `notes`, straight into the database the background owns (the extension's origin). */
async function seed(page: Page, notes: SeedNote[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('talent-lens-notes');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('notes', 'readwrite');
      const store = tx.objectStore('notes');
      store.clear();
      for (const row of rows) store.put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, notes);
}

const waitFirstRow = (page: Page, timeoutMs: number) =>
  page
    .waitForFunction(() => (window as unknown as { __tlNotesBench: { firstRow: number | null } }).__tlNotesBench.firstRow, null, {
      timeout: timeoutMs,
      polling: 50,
    })
    .then((h) => h.jsonValue() as Promise<number>);

/** Types the search word as one input event; resolves with the ms until the next frame is laid out, and what the count says then. */
const KEYSTROKE = (word: string) => `new Promise((resolve) => {
  const input = document.querySelector('[data-testid="notes-search"]');
  const t0 = performance.now();
  input.value = ${JSON.stringify(word)};
  input.dispatchEvent(new Event('input', { bubbles: true }));
  requestAnimationFrame(() => {
    void document.body.offsetHeight;
    resolve({ ms: performance.now() - t0, count: document.querySelector('[data-testid="notes-count"]').textContent, rows: document.querySelectorAll('[data-testid="note"]').length });
  });
})`;

export interface NotesRun {
  pageFirstRenderMs: number;
  /** Rows the page put in the DOM. */
  pageRows: number;
  keystrokeMs: number;
  keystrokeCount: string;
  keystrokeRows: number;
  frameFirstRenderMs: number;
  frameRows: number;
}

export interface NotesResult {
  notes: number;
  runs: NotesRun[];
  summary: Record<'pageFirstRenderMs' | 'keystrokeMs' | 'frameFirstRenderMs', Summary | null>;
}

export async function runNotesBench(build: string, runs: number, log: (line: string) => void): Promise<NotesResult> {
  const browser = await launch(build, NOTES_INIT_SCRIPT);
  const extensionId = new URL(browser.context.serviceWorkers()[0]!.url()).host;
  const url = (path: string) => `chrome-extension://${extensionId}/${path}`;
  const timeout = 180_000;
  const cardPage = await servePages(new Map([['card', CARD_PAGE]]));
  try {
    const details = browser.context.pages()[0] ?? (await browser.context.newPage());
    // The notes page makes the background open (and create) the database.
    await details.goto(url('notes.html'));
    await details.getByTestId('notes-count').waitFor();
    const people = await details.evaluate(() =>
      [...document.querySelectorAll('[data-testid="person-entry"]')].map((e) => e.getAttribute('data-person-id')!),
    );
    const spread = generateNotes(NOTES_COUNT, people, 20_000);
    const onePerson = generateNotes(NOTES_COUNT, [FRAME_PERSON], 20_001);

    const result: NotesRun[] = [];
    for (let i = 0; i < runs; i++) {
      await seed(details, spread);
      const page = await browser.context.newPage();
      await page.goto(url('notes.html'), { timeout });
      const pageFirstRenderMs = await waitFirstRow(page, timeout);
      // Every note loaded (the count says so) before the keystroke, and a quiet moment.
      await page.waitForFunction(
        (n) => document.querySelector('[data-testid="notes-count"]')?.textContent?.includes(n),
        `of ${NOTES_COUNT}`,
        { timeout },
      );
      await page.waitForTimeout(500);
      const pageRows = await page.locator('[data-testid="note"]').count();
      const key = (await page.evaluate(KEYSTROKE(SEARCH_WORD))) as { ms: number; count: string; rows: number };
      await page.close();

      await seed(details, onePerson);
      // The card's real path: a page with a mention, the card opened from the keyboard, its note session, its
      // frame, and the frame's first page of notes. Timed across the two documents on the epoch clock.
      const reader = await browser.context.newPage();
      await reader.goto(cardPage.url('card'), { timeout });
      // A tab in the background gets no animation frames and throttled timers: the reader looks at this one.
      await reader.bringToFront();
      await reader.waitForFunction(() => (CSS.highlights?.get('talent-lens')?.size ?? 0) > 0, null, { timeout, polling: 50 });
      const pressedAt = await reader.evaluate(() => performance.timeOrigin + performance.now());
      await reader.keyboard.press('Alt+Shift+KeyN');
      // The frame is an extension page inside the card's closed shadow root: the context's init script does not
      // reach it, so its first rows are awaited in it, checked every 10 ms (the figure is as precise as that).
      const frameOf = () => reader.frames().find((child) => child.url().includes('/note-frame.html'));
      const deadline = Date.now() + timeout;
      while (!frameOf() && Date.now() < deadline) await reader.waitForTimeout(10);
      const noteFrame = frameOf();
      if (!noteFrame) throw new Error('the card opened no notes frame');

      const frameRenderedAt = (await noteFrame
        .waitForFunction(() => (document.querySelector('[data-testid="note"]') ? performance.timeOrigin + performance.now() : null), null, {
          timeout,
          polling: 10,
        })
        .then((h) => h.jsonValue())) as number;
      const frameRows = await noteFrame.locator('[data-testid="note"]').count();
      const frameFirstRenderMs = frameRenderedAt - pressedAt;
      await reader.close();

      const run = {
        pageFirstRenderMs,
        pageRows,
        keystrokeMs: key.ms,
        keystrokeCount: key.count,
        keystrokeRows: key.rows,
        frameFirstRenderMs,
        frameRows,
      };
      log(
        `[bench] notes run ${i + 1}/${runs}: page ${pageFirstRenderMs.toFixed(0)} ms (${pageRows} rows), keystroke ${key.ms.toFixed(1)} ms ("${key.count}", ${key.rows} rows), frame ${frameFirstRenderMs.toFixed(0)} ms (${frameRows} rows)`,
      );
      result.push(run);
    }
    return {
      notes: NOTES_COUNT,
      runs: result,
      summary: {
        pageFirstRenderMs: summarize(result.map((r) => r.pageFirstRenderMs)),
        keystrokeMs: summarize(result.map((r) => r.keystrokeMs)),
        frameFirstRenderMs: summarize(result.map((r) => r.frameFirstRenderMs)),
      },
    };
  } finally {
    await browser.close();
    await cardPage.close();
  }
}

/** The scenario's table, in the style of the others (median (min–max) of the runs). */
export function renderNotes(result: NotesResult): string {
  const cell = (s: Summary | null) => (s ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})` : '—');
  const last = result.runs.at(-1);
  return [
    `### Notes (${result.notes.toLocaleString('en-US')} notes; median (min–max) of ${result.runs.length} runs)`,
    '',
    '| figure | ms | target, ms | rows in the DOM |',
    '| --- | --- | --- | --- |',
    `| notes page: navigation → first rows laid out | ${cell(result.summary.pageFirstRenderMs)} | 300 | ${last?.pageRows ?? '—'} |`,
    `| notes page: one search keystroke → results laid out | ${cell(result.summary.keystrokeMs)} | 50 | ${last?.keystrokeRows ?? '—'} ("${last?.keystrokeCount ?? ''}") |`,
    `| card's notes, one person with all the notes: Alt+Shift+N on a page → the frame's first rows laid out | ${cell(result.summary.frameFirstRenderMs)} | 100 | ${last?.frameRows ?? '—'} |`,
  ].join('\n');
}
