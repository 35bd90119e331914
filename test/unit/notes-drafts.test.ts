import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createDraftWriter } from '@/utils/notes/draft-writer';
import { discardDraft, getDraft, listDrafts, saveDraft } from '@/utils/notes/drafts';
import { NOTE_LIMITS } from '@/utils/notes/records';
import { freshDatabase } from './notes-fixtures';

describe('drafts store', () => {
  it('keeps one draft per editor, lists a person’s, drops an emptied one', async () => {
    const db = freshDatabase();
    expect(await saveDraft(db, { personId: 'mark-chen', text: 'new one' }, 5)).toEqual({
      ok: true,
      draft: { key: 'new:mark-chen', personId: 'mark-chen', text: 'new one', updatedAt: 5 },
    });
    await saveDraft(db, { personId: 'mark-chen', text: 'new one, longer' }, 6);
    await saveDraft(db, { personId: 'mark-chen', noteId: 'n1', baseRevision: 3, text: 'an edit' }, 7);
    await saveDraft(db, { personId: 'sam-altman', text: 'someone else' }, 8);
    const drafts = await listDrafts(db, 'mark-chen');
    expect(drafts.map((d) => [d.key, d.text, d.baseRevision])).toEqual([
      ['n1', 'an edit', 3],
      ['new:mark-chen', 'new one, longer', undefined],
    ]);
    expect(await saveDraft(db, { personId: 'mark-chen', noteId: 'n1', text: '   ' })).toEqual({ ok: true, draft: null });
    expect(await getDraft(db, 'n1')).toBeUndefined();
    await discardDraft(db, 'new:mark-chen');
    expect(await listDrafts(db, 'mark-chen')).toEqual([]);
    expect((await listDrafts(db, 'sam-altman')).length).toBe(1);
  });

  it('refuses malformed drafts in plain words and ignores malformed keys', async () => {
    const db = freshDatabase();
    for (const bad of [
      null,
      { personId: 'Not An Id', text: 'x' },
      { personId: 'mark-chen' },
      { personId: 'mark-chen', text: 'x'.repeat(NOTE_LIMITS.text + 1) },
      { personId: 'mark-chen', noteId: 'a b', text: 'x' },
    ]) {
      const result = await saveDraft(db, bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.length).toBeGreaterThan(5);
    }
    await discardDraft(db, { key: 'n1' });
    expect(await getDraft(db, 42)).toBeUndefined();
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('draft writer', () => {
  function deferredSaves() {
    const calls: Array<{ text: string; done: () => void }> = [];
    const save = (text: string) => new Promise<void>((resolve) => calls.push({ text, done: resolve }));
    return { calls, save };
  }
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('writes at once, one at a time, and then only the latest text', async () => {
    const { calls, save } = deferredSaves();
    const writer = createDraftWriter(save);
    writer.write('a');
    writer.write('ab');
    writer.write('abc');
    expect(calls.map((c) => c.text)).toEqual(['a']);
    calls[0]!.done();
    await tick();
    expect(calls.map((c) => c.text)).toEqual(['a', 'abc']);
    calls[1]!.done();
    await tick();
    expect(calls).toHaveLength(2);
  });

  it('stop drops what waits and resolves after the write in flight; later writes are ignored', async () => {
    const { calls, save } = deferredSaves();
    const writer = createDraftWriter(save);
    writer.write('a');
    writer.write('ab');
    let stopped = false;
    const stopping = writer.stop().then(() => (stopped = true));
    await tick();
    expect(stopped).toBe(false);
    calls[0]!.done();
    await stopping;
    writer.write('abc');
    expect(calls.map((c) => c.text)).toEqual(['a']);
  });

  it('a failed write is reported and the next one still goes', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const texts: string[] = [];
    const writer = createDraftWriter(
      async (text) => {
        texts.push(text);
        if (fail) throw new Error('disk full');
      },
      (cause) => errors.push(cause),
    );
    writer.write('a');
    await tick();
    fail = false;
    writer.write('ab');
    await tick();
    expect(texts).toEqual(['a', 'ab']);
    expect(errors).toHaveLength(1);
  });
});
