import { describe, expect, it } from 'vitest';
import { NOTE_LIMITS } from '@/utils/notes/records';
import {
  NOTE_FRAME_HEIGHT,
  NOTE_FRAME_SOURCE,
  clampFrameHeight,
  newFrameId,
  noteFrameQuery,
  parseNoteFrameQuery,
  readNoteFrameMessage,
} from '@/utils/notes/note-frame';

const frameId = 'a'.repeat(32);

describe('the notes frame URL', () => {
  it('carries the person, the nonce and the origin, and reads back the same', () => {
    const origin = { url: 'https://news.example/a?b=c&d=e#f', title: '标题 & "quotes"', selection: '赵晟佳 said so' };
    const query = noteFrameQuery({ personId: 'shengjia-zhao', frameId, origin });
    expect(query.startsWith('?person=shengjia-zhao&frame=' + frameId)).toBe(true);
    expect(parseNoteFrameQuery(query)).toEqual({ personId: 'shengjia-zhao', frameId, origin });
  });

  it('trims the origin to the note store’s limits on both sides, and drops an empty selection', () => {
    const long = { url: 'https://x.example/' + 'p'.repeat(9000), title: 't'.repeat(3000), selection: '  ' + 's'.repeat(9000) + '  ' };
    const read = parseNoteFrameQuery(noteFrameQuery({ personId: 'p', frameId, origin: long }))!;
    expect(read.origin.url).toHaveLength(NOTE_LIMITS.url);
    expect(read.origin.title).toHaveLength(NOTE_LIMITS.title);
    expect(read.origin.selection).toBe('s'.repeat(NOTE_LIMITS.selection));
    const none = parseNoteFrameQuery(noteFrameQuery({ personId: 'p', frameId, origin: { url: 'u', title: 't', selection: '   ' } }))!;
    expect(none.origin).toEqual({ url: 'u', title: 't' });
    // A hand-made URL that sends a selection too long for the store is trimmed too.
    const handMade = parseNoteFrameQuery(`?person=p&frame=${frameId}&selection=${'x'.repeat(6000)}`)!;
    expect(handMade.origin).toEqual({ url: '', title: '', selection: 'x'.repeat(NOTE_LIMITS.selection) });
  });

  it('refuses a URL without a person or with a nonce that is not one of ours', () => {
    expect(parseNoteFrameQuery(`?frame=${frameId}`)).toBeNull();
    expect(parseNoteFrameQuery('?person=p')).toBeNull();
    expect(parseNoteFrameQuery('?person=p&frame=1234')).toBeNull();
    expect(parseNoteFrameQuery(`?person=p&frame=${'G'.repeat(32)}`)).toBeNull();
    expect(parseNoteFrameQuery(`?person=${'p'.repeat(NOTE_LIMITS.id + 1)}&frame=${frameId}`)).toBeNull();
  });

  it('makes a fresh 32-hex-digit nonce each time', () => {
    const ids = new Set(Array.from({ length: 50 }, newFrameId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('messages from the frame', () => {
  it('accepts a height (clamped) or an Escape with the right source and nonce', () => {
    expect(readNoteFrameMessage({ source: NOTE_FRAME_SOURCE, frameId, height: 150.2 }, frameId)).toEqual({ height: 151 });
    expect(readNoteFrameMessage({ source: NOTE_FRAME_SOURCE, frameId, height: 5000 }, frameId)).toEqual({ height: NOTE_FRAME_HEIGHT.max });
    expect(readNoteFrameMessage({ source: NOTE_FRAME_SOURCE, frameId, height: 0 }, frameId)).toEqual({ height: NOTE_FRAME_HEIGHT.min });
    expect(readNoteFrameMessage({ source: NOTE_FRAME_SOURCE, frameId, action: 'escape' }, frameId)).toEqual({ action: 'escape' });
  });

  it('ignores everything else the page’s window receives', () => {
    const other = 'b'.repeat(32);
    for (const data of [
      null,
      'escape',
      42,
      { source: 'someone-else', frameId, action: 'escape' },
      { source: NOTE_FRAME_SOURCE, frameId: other, action: 'escape' },
      { source: NOTE_FRAME_SOURCE, action: 'escape' },
      { source: NOTE_FRAME_SOURCE, frameId, action: 'close' },
      { source: NOTE_FRAME_SOURCE, frameId, height: '100' },
      { source: NOTE_FRAME_SOURCE, frameId, height: Number.NaN },
      { source: NOTE_FRAME_SOURCE, frameId, height: Number.POSITIVE_INFINITY },
    ]) {
      expect(readNoteFrameMessage(data, frameId)).toBeNull();
    }
  });

  it('clamps heights into the card’s bounds', () => {
    expect(clampFrameHeight(10)).toBe(NOTE_FRAME_HEIGHT.min);
    expect(clampFrameHeight(200)).toBe(200);
    expect(clampFrameHeight(10_000)).toBe(NOTE_FRAME_HEIGHT.max);
    expect(clampFrameHeight(undefined)).toBe(NOTE_FRAME_HEIGHT.initial);
  });
});
