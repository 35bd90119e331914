import { describe, expect, it } from 'vitest';
import { NOTE_SESSION_IDLE_MS, NOTE_SESSIONS_PER_TAB, NoteSessionRegistry, isSessionId, newSessionId } from '@/utils/notes/note-sessions';
import { senderFrame, senderKind } from '@/background/sender-kind';
import { noteFrameUrl, schemeFromHash, sessionIdFromHash } from '@/utils/notes/note-frame';

const origin = { url: 'https://news.example/a', title: 'A' };
const owner = { tabId: 7, frameId: 0 };
const frame = { tabId: 7, frameId: 12 };

function registry(start = 1_000) {
  let now = start;
  let n = 0;
  const sessions = new NoteSessionRegistry(
    () => now,
    () => (++n).toString(16).padStart(32, '0'),
  );
  return { sessions, advance: (ms: number) => (now += ms) };
}

describe('note sessions', () => {
  it('ids are 128 random bits in hex, and nothing else passes for one', () => {
    const id = newSessionId();
    expect(isSessionId(id)).toBe(true);
    expect(newSessionId()).not.toBe(id);
    for (const bad of ['', 'f'.repeat(31), 'F'.repeat(32), `${'0'.repeat(31)}g`, 42, null, { id }]) expect(isSessionId(bad)).toBe(false);
  });

  it('the first frame of the tab to present a session is bound to it, and only that frame may use it', () => {
    const { sessions } = registry();
    const session = sessions.open(owner, 'mark-chen', origin);
    const claim = sessions.claim(session.id, frame);
    expect(claim).toMatchObject({ ok: true, session: { personId: 'mark-chen', origin, frameId: 12, ownerFrameId: 0 } });
    expect(sessions.claim(session.id, frame).ok).toBe(true);
  });

  it('a second frame presenting the same session ends it for everyone, and says whose it was', () => {
    const { sessions } = registry();
    const session = sessions.open(owner, 'mark-chen', origin);
    sessions.claim(session.id, frame);
    const copy = sessions.claim(session.id, { tabId: 7, frameId: 13 });
    expect(copy).toMatchObject({ ok: false, reason: 'ended', session: { id: session.id, tabId: 7, ownerFrameId: 0 } });
    expect(sessions.claim(session.id, frame)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('refuses another tab, the content script itself, and unknown or malformed ids', () => {
    const { sessions } = registry();
    const session = sessions.open(owner, 'mark-chen', origin);
    expect(sessions.claim(session.id, { tabId: 8, frameId: 12 })).toEqual({ ok: false, reason: 'wrong-tab' });
    expect(sessions.claim(session.id, owner)).toEqual({ ok: false, reason: 'owner' });
    expect(sessions.claim('f'.repeat(32), frame)).toEqual({ ok: false, reason: 'unknown' });
    expect(sessions.claim({ toString: () => session.id }, frame)).toEqual({ ok: false, reason: 'unknown' });
    // None of these bound the session: its own frame still gets it.
    expect(sessions.claim(session.id, frame).ok).toBe(true);
  });

  it('only its owner closes it; a closed tab takes its sessions along', () => {
    const { sessions } = registry();
    const a = sessions.open(owner, 'mark-chen', origin);
    const b = sessions.open({ tabId: 9, frameId: 0 }, 'mark-chen', origin);
    expect(sessions.close(a.id, { tabId: 7, frameId: 3 })).toBe(false);
    expect(sessions.close(a.id, { tabId: 9, frameId: 0 })).toBe(false);
    expect(sessions.close(a.id, owner)).toBe(true);
    expect(sessions.claim(a.id, frame).ok).toBe(false);
    sessions.closeTab(9);
    expect(sessions.claim(b.id, { tabId: 9, frameId: 4 }).ok).toBe(false);
    expect(sessions.size).toBe(0);
  });

  it('an idle session expires; use keeps it alive', () => {
    const { sessions, advance } = registry();
    const kept = sessions.open(owner, 'mark-chen', origin);
    const idle = sessions.open(owner, 'sam-altman', origin);
    advance(NOTE_SESSION_IDLE_MS - 10);
    expect(sessions.claim(kept.id, frame).ok).toBe(true);
    advance(20);
    expect(sessions.claim(idle.id, { tabId: 7, frameId: 14 }).ok).toBe(false);
    expect(sessions.claim(kept.id, frame).ok).toBe(true);
  });

  it('a tab holds a bounded number of sessions, the least recently used going first', () => {
    const { sessions, advance } = registry();
    const ids = Array.from({ length: NOTE_SESSIONS_PER_TAB + 2 }, () => (advance(1), sessions.open(owner, 'mark-chen', origin).id));
    expect(sessions.size).toBe(NOTE_SESSIONS_PER_TAB);
    expect(sessions.claim(ids[0], frame).ok).toBe(false);
    expect(sessions.claim(ids.at(-1), frame).ok).toBe(true);
  });

  it('survives a snapshot and restore (a stopped service worker), dropping malformed entries', () => {
    const { sessions } = registry();
    const session = sessions.open(owner, 'mark-chen', origin);
    sessions.claim(session.id, frame);
    const saved = JSON.parse(JSON.stringify(sessions.snapshot()));
    const again = registry().sessions;
    again.restore([...saved, null, { id: 'nope' }, { ...saved[0], id: 'a'.repeat(32), tabId: 'x' }]);
    expect(again.size).toBe(1);
    expect(again.claim(session.id, { tabId: 7, frameId: 13 })).toMatchObject({ ok: false, reason: 'ended' });
    again.restore('not a list');
    expect(again.size).toBe(0);
  });
});

describe('sender kinds', () => {
  const own = { id: 'ext-id', noteFramePath: '/note-frame.html' };

  it('our top-level pages, the framed notes frame, a content script in a page', () => {
    expect(senderKind({ id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }, own)).toBe('extension-page');
    expect(senderKind({ id: 'ext-id', url: 'moz-extension://uuid/notes.html', tab: { id: 3 }, frameId: 0 }, own)).toBe('extension-page');
    expect(senderKind({ id: 'ext-id', url: 'chrome-extension://ext-id/note-frame.html#abc', tab: { id: 3 }, frameId: 5 }, own)).toBe(
      'note-frame',
    );
    expect(senderKind({ id: 'ext-id', url: 'https://news.example/a', tab: { id: 3 }, frameId: 0 }, own)).toBe('content-script');
    expect(senderKind({ id: 'ext-id', url: 'about:blank', tab: { id: 3 }, frameId: 2 }, own)).toBe('content-script');
  });

  it('anything else gets nothing: another extension, no URL, the notes frame on its own or our page framed', () => {
    expect(senderKind(undefined, own)).toBe('other');
    expect(senderKind({ id: 'other-ext', url: 'chrome-extension://other-ext/popup.html' }, own)).toBe('other');
    expect(senderKind({ id: 'ext-id' }, own)).toBe('other');
    expect(senderKind({ id: 'ext-id', url: 'not a url' }, own)).toBe('other');
    expect(senderKind({ id: 'ext-id', url: 'chrome-extension://ext-id/note-frame.html', tab: { id: 3 }, frameId: 0 }, own)).toBe('other');
    expect(senderKind({ id: 'ext-id', url: 'chrome-extension://ext-id/note-frame.html', frameId: 4 }, own)).toBe('other');
    expect(senderKind({ id: 'ext-id', url: 'chrome-extension://ext-id/notes.html', tab: { id: 3 }, frameId: 4 }, own)).toBe('other');
    expect(senderKind({ id: 'ext-id', url: 'https://news.example/a' }, own)).toBe('other');
  });

  it('the frame of a sender in a tab', () => {
    expect(senderFrame({ tab: { id: 3 }, frameId: 5 })).toEqual({ tabId: 3, frameId: 5 });
    expect(senderFrame({ tab: { id: 3 } })).toEqual({ tabId: 3, frameId: 0 });
    expect(senderFrame({ url: 'chrome-extension://x/popup.html' })).toBeNull();
  });
});

describe('the frame URL', () => {
  it('names the session in its fragment only, and reads it back', () => {
    const id = newSessionId();
    const url = noteFrameUrl((path) => `chrome-extension://ext-id${path}`, id);
    expect(url).toBe(`chrome-extension://ext-id/note-frame.html#${id}`);
    expect(sessionIdFromHash(`#${id}`)).toBe(id);
    expect(sessionIdFromHash('#not-an-id')).toBeNull();
    expect(sessionIdFromHash('')).toBeNull();
  });

  it('carries the card’s colour scheme after the session, and nothing else', () => {
    const id = newSessionId();
    const url = noteFrameUrl((path) => `chrome-extension://ext-id${path}`, id, 'dark');
    expect(url).toBe(`chrome-extension://ext-id/note-frame.html#${id}.dark`);
    const hash = new URL(url).hash;
    expect(sessionIdFromHash(hash)).toBe(id);
    expect(schemeFromHash(hash)).toBe('dark');
    expect(schemeFromHash(`#${id}.light`)).toBe('light');
    expect(schemeFromHash(`#${id}`)).toBeNull();
    expect(schemeFromHash(`#${id}.purple`)).toBeNull();
    expect(sessionIdFromHash(`#${id}x.dark`)).toBeNull();
  });
});
