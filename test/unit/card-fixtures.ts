/** Shared by the card's unit tests: a person card with every feature, UI strings from the real catalogues, an in-memory notes client. */
import nodeConsole from 'node:console';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import en from '@/public/_locales/en/messages.json';
import zh from '@/public/_locales/zh_CN/messages.json';
import type { PersonCard } from '@/data/schema';
import type { NotesClient } from '@/utils/notes/client';
import { draftKey, type EditorDraft, type NoteDraft, type NoteOrigin, type NoteRecord, type SaveNoteResult } from '@/utils/notes/records';
import type { NoteFrameEvent } from '@/utils/messaging';
import type { NoteSessionPort } from '@/content/card/note-session-port';
import { byNewest } from '@/utils/notes/format';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** Makes browser.i18n answer from _locales/<locale>, as the browser would. */
export function useLocale(locale: 'en' | 'zh_CN') {
  const table = (locale === 'en' ? en : zh) as Catalogue;
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue(locale === 'en' ? 'en-US' : 'zh-CN');
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, substitutions?: string | string[]) => {
    const entry = table[key];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\w+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
    });
  });
}

export function personCard(): PersonCard {
  return {
    person: {
      id: 'shengjia-zhao',
      name: { en: 'Shengjia Zhao', zh: '赵晟佳', native: '趙晟佳' },
      aliases: [{ text: 'Shengjia Zhao', script: 'Latn', kind: 'full' }],
      role: { en: 'Chief scientist', zh: '首席科学家' },
      org: 'msl',
      roleSources: [{ source: 's001' }],
      roleConflict: 'c-role',
      group: 'moved',
      moves: [
        {
          from: 'openai',
          to: 'msl',
          when: '2025-06',
          role: { en: 'Research scientist', zh: '研究科学家' },
          summary: { en: 'Joined the new lab', zh: '加入新实验室' },
          sources: [{ source: 's001' }],
        },
        { from: 'msl', to: null, when: '2025', sources: [{ source: 's002' }], conflict: 'c-move' },
      ],
      quotes: [
        { text: '他是ChatGPT的核心贡献者之一', source: 's001', gloss: 'He is one of the core contributors to ChatGPT', by: 'about' },
        { text: '我们会继续前进', source: 's003', by: 'person' },
      ],
    },
    organizations: {
      openai: { id: 'openai', name: { en: 'OpenAI', zh: 'OpenAI' }, aliases: [] },
      msl: { id: 'msl', name: { en: 'Meta Superintelligence Labs', zh: 'Meta 超级智能实验室' }, aliases: [] },
    },
    sources: {
      s001: {
        id: 's001',
        file: '001_2b502e7daf261c11.txt',
        title: '11人走了9人,OpenAI创始团队“分崩离析”',
        titleEn: "Nine of eleven gone: OpenAI's founding team 'falls apart'",
        publisher: '华尔街见闻',
        language: 'zh-Hans',
        date: '2024-08',
      },
      s002: {
        id: 's002',
        file: '002_9da10b272e55fd5b.txt',
        title: '硅谷商战变厨艺大赛?',
        titleEn: 'Silicon Valley rivalry turns cooking contest?',
        language: 'zh-Hans',
        placed: { en: 'in late 2025', zh: '写于2025年底' },
        caveat: { en: 'A repost.', zh: '转载文章。' },
      },
      s003: {
        id: 's003',
        file: '003_a86f11100b17dc3f.txt',
        untitled: true,
        title: '（无标题）人才争夺战分析',
        titleEn: '(Untitled) Analysis of the talent war',
        language: 'zh-Hans',
      },
    },
    conflicts: [
      {
        id: 'c-role',
        topic: { en: 'His title at the lab', zh: '他在实验室的职位' },
        people: ['shengjia-zhao'],
        claims: [
          { statement: { en: 'Chief scientist', zh: '首席科学家' }, sources: [{ source: 's001', quote: '首席科学家' }] },
          { statement: { en: 'Lead researcher', zh: '首席研究员' }, sources: [{ source: 's002' }] },
        ],
      },
      {
        id: 'c-move',
        topic: { en: 'Whether he left in 2025', zh: '他是否在2025年离开' },
        people: ['shengjia-zhao'],
        claims: [
          { statement: { en: 'He left', zh: '他离开了' }, sources: [{ source: 's002' }] },
          { statement: { en: 'He stayed', zh: '他留下了' }, sources: [{ source: 's003' }] },
        ],
      },
      {
        id: 'c-other',
        topic: { en: 'Size of his offer', zh: '他的薪酬规模' },
        people: ['shengjia-zhao', 'someone-else'],
        claims: [
          { statement: { en: '$100M', zh: '1亿美元' }, sources: [{ source: 's001' }] },
          { statement: { en: '$50M', zh: '5000万美元' }, sources: [{ source: 's003' }] },
        ],
      },
    ],
  };
}

/** An in-memory NotesClient with the store's revision rules, recording what it was asked. */
export function memoryNotes(
  initial: NoteRecord[] = [],
): NotesClient & { saved: NoteDraft[]; notes: NoteRecord[]; unsaved: Map<string, EditorDraft> } {
  const notes = [...initial];
  const saved: NoteDraft[] = [];
  const unsaved = new Map<string, EditorDraft>();
  let counter = 0;
  return {
    notes,
    saved,
    unsaved,
    drafts: {
      list: async (personId) => [...unsaved.values()].filter((d) => d.personId === personId),
      save: async (input) => {
        const key = draftKey(input);
        if (!input.text.trim()) return (unsaved.delete(key), { ok: true, draft: null });
        const draft = { ...input, key, updatedAt: Date.now() };
        unsaved.set(key, draft);
        return { ok: true, draft };
      },
      discard: async (key) => void unsaved.delete(key),
    },
    list: async ({ personId }) => notes.filter((n) => !personId || n.personId === personId),
    // The store's contract without the store: byNewest order, the page after the cursor.
    page: async ({ personId, limit, after }) => {
      const mine = notes.filter((n) => n.personId === personId).sort(byNewest);
      const rest = after ? mine.filter((n) => byNewest(n, after) > 0) : mine;
      const page = rest.slice(0, limit);
      const last = page.at(-1);
      return { notes: page, next: rest.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
    },
    count: async ({ personId }) => notes.filter((n) => n.personId === personId).length,
    save: async (draft): Promise<SaveNoteResult> => {
      saved.push(draft);
      const now = Date.now();
      if (!draft.id) {
        const note: NoteRecord = {
          id: `n${++counter}`,
          personId: draft.personId,
          text: draft.text,
          createdAt: now,
          updatedAt: now,
          revision: 1,
          origin: draft.origin,
        };
        notes.push(note);
        return { ok: true, note };
      }
      const index = notes.findIndex((n) => n.id === draft.id);
      const current = notes[index];
      if (!current) return { ok: false, reason: 'missing', message: 'gone' };
      if (current.revision !== draft.baseRevision) return { ok: false, reason: 'conflict', current };
      const note = { ...current, text: draft.text, updatedAt: now, revision: current.revision + 1 };
      notes[index] = note;
      return { ok: true, note };
    },
    remove: async (id) => {
      const index = notes.findIndex((n) => n.id === id);
      return index < 0 ? null : (notes.splice(index, 1)[0] ?? null);
    },
    restore: async (note) => (notes.push(note), note),
  };
}

/** A NoteSessionPort that records the sessions a card opens and lets a test play the background's events. */
export function fakeNoteSessions() {
  const opened: Array<{ id: string; personId: string; origin: NoteOrigin; closed: boolean }> = [];
  const handlers = new Map<string, (event: NoteFrameEvent) => void>();
  let counter = 0;
  const port: NoteSessionPort = {
    open: async (personId, origin) => {
      const id = (++counter).toString(16).padStart(32, 'a');
      opened.push({ id, personId, origin, closed: false });
      return id;
    },
    close: (id) => {
      const session = opened.find((s) => s.id === id);
      if (session) session.closed = true;
    },
    onEvent: (id, handler) => {
      handlers.set(id, handler);
      return () => handlers.delete(id);
    },
    frameUrl: (id) => `${browser.runtime.getURL('/note-frame.html')}#${id}`,
  };
  return { port, opened, emit: (id: string, event: NoteFrameEvent) => handlers.get(id)?.(event) };
}

/** Stand-ins for frames' windows, one per frame element. */
const frameWindows = new WeakMap<HTMLIFrameElement, Window>();

/**
 * happy-dom does not load frames: it logs an error for each one (the card's
 * notes frame) to Node's own console and leaves contentWindow null. This
 * silences that one error and gives each frame a window of its own that
 * messages can come from.
 */
export function fakeFrameLoading() {
  const original = nodeConsole.error.bind(nodeConsole);
  vi.spyOn(nodeConsole, 'error').mockImplementation((...args: unknown[]) => {
    if (args[0] instanceof Error && args[0].message.includes('Iframe page loading is disabled')) return;
    original(...args);
  });
  vi.spyOn(HTMLIFrameElement.prototype, 'contentWindow', 'get').mockImplementation(function (this: HTMLIFrameElement) {
    if (!frameWindows.has(this)) frameWindows.set(this, { frameWindowOf: this.src } as unknown as Window);
    return frameWindows.get(this)!;
  });
}
