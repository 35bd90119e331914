// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { HoverCard, type CardActions, type CardState, type HoverCardProps } from '@/components/card/HoverCard';
import { CardNotes } from '@/components/card/CardNotes';
import { fakeFrameLoading, fakeNoteSessions, personCard, useLocale } from './card-fixtures';
import { asUserInput, userClick } from './trusted-events';
import { NOTE_FRAME_HEIGHT } from '@/utils/notes/note-frame';

// The cards rendered whole get a note-session port that answers like the background, without messaging.
vi.mock('@/content/card/note-session-port', async () => ({
  backgroundNoteSessions: (await import('./card-fixtures')).fakeNoteSessions().port,
}));

const origin = { url: 'https://news.example/story', title: 'A story', selection: 'the selected words' };

function actions(overrides: Partial<CardActions> = {}): CardActions {
  return { close: vi.fn(), retry: vi.fn(), openPage: vi.fn(async () => {}), turnOffSite: vi.fn(async () => {}), ...overrides };
}

function renderCard(props: Partial<HoverCardProps> = {}) {
  const all: HoverCardProps = {
    personId: 'shengjia-zhao',
    mentionText: 'Shengjia Zhao',
    state: { status: 'ready', card: personCard() },
    lang: 'en',
    origin,
    actions: actions(),
    ...props,
  };
  return { ...render(<HoverCard {...all} />), props: all };
}

beforeEach(() => fakeFrameLoading());

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('HoverCard in English', () => {
  it('is a dialog labelled by the name, with the other names, role and organization', () => {
    useLocale('en');
    renderCard();
    const dialog = screen.getByRole('dialog', { name: 'Shengjia Zhao' });
    expect(dialog).toBeTruthy();
    expect(screen.getByTestId('other-names').textContent).toBe('赵晟佳 · 趙晟佳');
    expect(screen.getByTestId('role').textContent).toContain('Chief scientist · Meta Superintelligence Labs');
  });

  it('shows the moves as a timeline with dates as precise as given', () => {
    useLocale('en');
    renderCard();
    const moves = screen.getAllByTestId('move');
    expect(moves).toHaveLength(2);
    expect(moves[0]!.textContent).toContain('2025-06');
    expect(moves[0]!.textContent).toContain('OpenAI → Meta Superintelligence Labs');
    expect(moves[0]!.textContent).toContain('Research scientist');
    expect(moves[0]!.textContent).toContain('Joined the new lab');
    expect(moves[1]!.textContent).toContain('2025');
    expect(moves[1]!.textContent).not.toContain('2025-');
    // Only one side of the move is known.
    expect(moves[1]!.textContent).toContain('Left Meta Superintelligence Labs');
    expect(moves[1]!.textContent).not.toContain('→');
  });

  it('shows quotes verbatim with their source and our gloss', () => {
    useLocale('en');
    renderCard();
    const [first, second] = screen.getAllByTestId('quote');
    expect(first!.querySelector('blockquote')!.textContent).toBe('他是ChatGPT的核心贡献者之一');
    expect(first!.querySelector('blockquote')!.getAttribute('lang')).toBe('zh');
    expect(first!.textContent).toContain('Said about them');
    // In English our translation comes first, labelled as ours, and the article's words right under it, labelled as theirs.
    const gloss = within(first!).getByTestId('quote-gloss');
    expect(gloss.textContent).toBe('Our translationHe is one of the core contributors to ChatGPT');
    const original = first!.querySelector('blockquote')!;
    expect(gloss.compareDocumentPosition(original) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(original.parentElement!.textContent).toMatch(/^The article's words/);
    // The full title, never cut, then publisher, date, language.
    expect(within(first!).getByTestId('source-title').textContent).toBe('11人走了9人,OpenAI创始团队“分崩离析”');
    expect(first!.textContent).toContain("Nine of eleven gone: OpenAI's founding team 'falls apart'");
    expect(within(first!).getByTestId('source-details').textContent).toBe('华尔街见闻 · August 2024 · in Simplified Chinese');
    // An untitled source shows our description in the UI language; no gloss, no "about" label.
    expect(second!.textContent).toContain('(Untitled) Analysis of the talent war');
    expect(second!.textContent).not.toContain('（无标题）');
    expect(within(second!).queryByTestId('quote-gloss')).toBeNull();
    expect(second!.textContent).not.toContain('Said about them');
  });

  it('marks disputed facts; the mark expands to every claim with its sources', () => {
    useLocale('en');
    renderCard();
    const roleMark = within(screen.getByTestId('role')).getByRole('button', { name: /Sources disagree/ });
    const panel = screen.getByTestId('role').querySelector<HTMLElement>('[data-testid="conflict-claims"]')!;
    expect(roleMark.getAttribute('aria-expanded')).toBe('false');
    expect(roleMark.getAttribute('aria-controls')).toBe(panel.id);
    expect(panel.hidden).toBe(true);

    userClick(roleMark);
    expect(roleMark.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    const claims = panel.querySelectorAll('.tl-claim');
    expect(claims).toHaveLength(2);
    expect(claims[0]!.textContent).toContain('Chief scientist');
    expect(claims[0]!.textContent).toContain('11人走了9人');
    expect(claims[0]!.textContent).toContain('It says: 首席科学家');
    expect(claims[1]!.textContent).toContain('Lead researcher');
    expect(claims[1]!.textContent).toContain('硅谷商战变厨艺大赛?');
    // An undated source says so and how we placed it; its caveat is pointed to, not repeated.
    expect(claims[1]!.textContent).toContain('publisher not stated · undated; placed in late 2025 · in Simplified Chinese');
    expect(claims[1]!.textContent).toContain('Read with care');
    expect(claims[1]!.textContent).not.toContain('A repost.');

    userClick(roleMark);
    expect(panel.hidden).toBe(true);
  });

  it('marks a disputed move, and lists conflicts not tied to a shown fact under their topic', () => {
    useLocale('en');
    renderCard();
    const moves = screen.getAllByTestId('move');
    expect(within(moves[0]!).queryByTestId('conflict-mark')).toBeNull();
    const moveMark = within(moves[1]!).getByTestId('conflict-mark');
    userClick(moveMark);
    expect(moves[1]!.textContent).toContain('He left');
    expect(moves[1]!.textContent).toContain('He stayed');

    const other = screen.getByRole('region', { name: 'Also disputed' });
    const otherMark = within(other).getByRole('button', { name: /Size of his offer/ });
    userClick(otherMark);
    expect(other.textContent).toContain('$100M');
    expect(other.textContent).toContain('$50M');
    // Three marks in all: role, one move, one unattached.
    expect(screen.getAllByTestId('conflict-mark')).toHaveLength(3);
  });

  it('dates the role by its newest dated source, as precisely as that source states it', () => {
    useLocale('en');
    const card = personCard();
    renderCard({ state: { status: 'ready', card } });
    // The fixture's role source s001 is dated 2024-08.
    expect(screen.getByTestId('role-as-of').textContent).toBe('as of August 2024');
    cleanup();
    card.sources.s004 = { id: 's004', file: '004_531c2599e4544a32.txt', title: 'T', titleEn: 'T', language: 'zh-Hans', date: '2025-07-02' };
    card.person.roleSources = [{ source: 's001' }, { source: 's004' }, { source: 's002' }];
    renderCard({ state: { status: 'ready', card } });
    expect(screen.getByTestId('role-as-of').textContent).toBe('as of July 2, 2025');
  });

  it('shows no "as of" when no source for the role is dated', () => {
    useLocale('en');
    const card = personCard();
    card.person.roleSources = [{ source: 's002' }, { source: 's003' }];
    renderCard({ state: { status: 'ready', card } });
    expect(screen.queryByTestId('role-as-of')).toBeNull();
    expect(screen.getByTestId('role').textContent).toContain('Chief scientist');
  });

  it('shows our doubt about a move under it', () => {
    useLocale('en');
    const card = personCard();
    card.person.moves[0]!.doubt = { en: 'Only a heading gives this date.', zh: '仅小标题给出此日期。' };
    renderCard({ state: { status: 'ready', card } });
    const [first, second] = screen.getAllByTestId('move');
    expect(within(first!).getByTestId('move-doubt').textContent).toBe('Doubtful: Only a heading gives this date.');
    expect(within(second!).queryByTestId('move-doubt')).toBeNull();
  });

  it('shows a quote without its markdown emphasis markers', () => {
    useLocale('en');
    const card = personCard();
    card.person.quotes[0]!.text = '公司优化的目标不是用户使用时长，而是**长期留存率**';
    renderCard({ state: { status: 'ready', card } });
    expect(screen.getAllByTestId('quote')[0]!.querySelector('blockquote')!.textContent).toBe(
      '公司优化的目标不是用户使用时长，而是长期留存率',
    );
  });

  it('does not repeat the organization when the role already names it', () => {
    useLocale('en');
    const card = personCard();
    card.person.role = { en: 'Chief scientist, Meta Superintelligence Labs' };
    renderCard({ state: { status: 'ready', card } });
    // The role names the organization once; the line then gives the date its source states.
    expect(screen.getByTestId('role').textContent).toMatch(
      /^Chief scientist, Meta Superintelligence Labs · as of August 2024 !Sources disagree/,
    );
  });

  it('shows no marks or "also disputed" section for a person without conflicts', () => {
    useLocale('en');
    const card = personCard();
    card.conflicts = [];
    delete card.person.roleConflict;
    card.person.moves = card.person.moves.map(({ conflict: _conflict, ...move }) => move);
    renderCard({ state: { status: 'ready', card } });
    expect(screen.queryAllByTestId('conflict-mark')).toHaveLength(0);
    expect(screen.queryByRole('region', { name: 'Also disputed' })).toBeNull();
  });
});

describe('HoverCard sources and citations', () => {
  it('states each caveat once per card, under "About these sources", however many facts cite the source', () => {
    useLocale('en');
    renderCard();
    for (const mark of screen.getAllByTestId('conflict-mark')) userClick(mark);
    const notes = screen.getAllByTestId('source-note');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.textContent).toBe('硅谷商战变厨艺大赛?A repost.');
    expect(screen.getByTestId('card').textContent!.split('A repost.')).toHaveLength(2);
    // s002 backs claims in two disputes: each of its lines points to the note.
    expect(screen.getAllByTestId('source-has-caveat').length).toBeGreaterThanOrEqual(2);
  });

  it('copies the quote, our translation and the source on a trusted click, and says so', async () => {
    useLocale('en');
    const writeText = vi.fn(async (_text: string) => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderCard();
    const button = within(screen.getAllByTestId('quote')[0]!).getByTestId('copy-citation');
    expect(button.getAttribute('aria-label')).toBe('Copy citation: the quote, our translation and its source');
    await act(async () => {
      button.dispatchEvent(asUserInput(new MouseEvent('click', { bubbles: true })));
    });
    expect(writeText).toHaveBeenCalledWith(
      [
        '「他是ChatGPT的核心贡献者之一」',
        'Our translation: “He is one of the core contributors to ChatGPT”',
        "Source: 11人走了9人,OpenAI创始团队“分崩离析” (Nine of eleven gone: OpenAI's founding team 'falls apart'), 华尔街见闻, August 2024, in Simplified Chinese",
      ].join('\n'),
    );
    await waitFor(() =>
      expect(within(screen.getAllByTestId('quote')[0]!).getByTestId('citation-status').textContent).toBe('Citation copied.'),
    );
    vi.unstubAllGlobals();
  });

  it('ignores a click the page made up, so a page cannot write our citation over the reader’s clipboard', async () => {
    useLocale('en');
    const writeText = vi.fn(async (_text: string) => {});
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderCard();
    fireEvent.click(within(screen.getAllByTestId('quote')[0]!).getByTestId('copy-citation'));
    await act(async () => {});
    expect(writeText).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('where the page offers no clipboard, shows the citation selected for the reader to copy', async () => {
    useLocale('en');
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    renderCard();
    const quote = screen.getAllByTestId('quote')[1]!;
    await act(async () => {
      within(quote)
        .getByTestId('copy-citation')
        .dispatchEvent(asUserInput(new MouseEvent('click', { bubbles: true })));
    });
    const text = within(quote).getByTestId('citation-text') as HTMLTextAreaElement;
    expect(text.value).toBe(
      '「我们会继续前进」\nSource: (Untitled) Analysis of the talent war, publisher not stated, undated, in Simplified Chinese',
    );
    expect(within(quote).getByTestId('citation-status').textContent).toMatch(/does not let us copy/);
    vi.unstubAllGlobals();
  });

  it('in Chinese, shows the article’s words first and our English translation under them', () => {
    useLocale('zh_CN');
    renderCard({ lang: 'zh' });
    const first = screen.getAllByTestId('quote')[0]!;
    const original = first.querySelector('blockquote')!;
    const gloss = within(first).getByTestId('quote-gloss');
    expect(original.compareDocumentPosition(gloss) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(gloss.textContent).toMatch(/^我们的译文/);
    expect(within(first).getByTestId('source-details').textContent).toBe('华尔街见闻 · 2024年8月 · 简体中文');
  });
});

describe('HoverCard in Chinese', () => {
  it('uses the Chinese name, role, organizations and UI strings', () => {
    useLocale('zh_CN');
    renderCard({ lang: 'zh' });
    expect(screen.getByRole('dialog', { name: '赵晟佳' })).toBeTruthy();
    expect(screen.getByTestId('other-names').textContent).toBe('Shengjia Zhao · 趙晟佳');
    expect(screen.getByTestId('role').textContent).toContain('首席科学家 · Meta 超级智能实验室');
    expect(screen.getByRole('region', { name: '职业变动' })).toBeTruthy();
    expect(screen.getAllByTestId('move')[0]!.textContent).toContain('研究科学家');
    expect(screen.getAllByRole('button', { name: /来源说法不一/ }).length).toBeGreaterThan(0);
    // Untitled source: our Chinese description; titled source: no English rendering in a Chinese UI.
    const quotes = screen.getAllByTestId('quote');
    expect(quotes[1]!.textContent).toContain('（无标题）人才争夺战分析');
    expect(quotes[0]!.textContent).not.toContain('Nine of eleven gone');
    expect(quotes[0]!.textContent).toContain('他人所述');
    expect(screen.getByTestId('open-popup').textContent).toBe('在弹出窗口中打开');
  });

  it('dates the role and shows a doubt in Chinese', () => {
    useLocale('zh_CN');
    const card = personCard();
    card.person.moves[0]!.doubt = { en: 'Only a heading gives this date.', zh: '仅小标题给出此日期。' };
    renderCard({ lang: 'zh', state: { status: 'ready', card } });
    expect(screen.getByTestId('role-as-of').textContent).toBe('截至 2024年8月');
    expect(screen.getByTestId('move-doubt').textContent).toBe('存疑：仅小标题给出此日期。');
  });

  it('says "joined" for a move with no known origin', () => {
    useLocale('zh_CN');
    const card = personCard();
    card.person.moves = [{ from: null, to: 'openai', when: '2018', sources: [{ source: 's001' }] }];
    renderCard({ lang: 'zh', state: { status: 'ready', card } });
    expect(screen.getByTestId('move').textContent).toBe('2018加入OpenAI');
  });

  it('falls back to English where a record has no Chinese', () => {
    useLocale('zh_CN');
    const card = personCard();
    card.person.role = { en: 'Adviser' };
    card.person.name = { en: 'Nat Friedman' };
    renderCard({ lang: 'zh', state: { status: 'ready', card } });
    expect(screen.getByRole('dialog', { name: 'Nat Friedman' })).toBeTruthy();
    expect(screen.queryByTestId('other-names')).toBeNull();
    expect(screen.getByTestId('role').textContent).toContain('Adviser · Meta 超级智能实验室');
  });
});

describe('HoverCard states', () => {
  it('loading: the mention text as title and a status line', () => {
    useLocale('en');
    renderCard({ state: { status: 'loading' }, mentionText: 'Zhao Shengjia' });
    expect(screen.getByRole('dialog', { name: 'Zhao Shengjia' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(screen.queryByTestId('moves')).toBeNull();
  });

  it('error: a short message and a retry', () => {
    useLocale('en');
    const act = actions();
    renderCard({ state: { status: 'error' }, actions: act });
    const alert = screen.getByTestId('card-error');
    expect(alert.textContent).toContain('Could not load the details');
    userClick(within(alert).getByRole('button', { name: 'Try again' }));
    expect(act.retry).toHaveBeenCalledOnce();
  });

  it('missing: says so and offers no notes for an unknown person', () => {
    useLocale('en');
    renderCard({ state: { status: 'missing' } });
    expect(screen.getByTestId('card-missing').textContent).toBe('No details for this person.');
    expect(screen.queryByTestId('card-notes')).toBeNull();
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('in Chinese, the loading line is Chinese', () => {
    useLocale('zh_CN');
    renderCard({ state: { status: 'loading' } as CardState, lang: 'zh' });
    expect(screen.getByRole('status').textContent).toBe('正在加载…');
  });
});

describe('HoverCard notes', () => {
  const frameOf = () =>
    within(screen.getByTestId('card-notes')).queryByTitle('Your private notes on this person') as HTMLIFrameElement | null;
  /** A load as the browser fires it (trusted); `dispatchEvent` alone makes an untrusted one, as a page would. */
  const load = (frame: HTMLIFrameElement) => act(() => void frame.dispatchEvent(asUserInput(new Event('load'))));

  function renderNotes(props: { personId?: string; onEscape?: () => void } = {}) {
    const fake = fakeNoteSessions();
    const onEscape = props.onEscape ?? vi.fn();
    const view = render(
      <CardNotes personId={props.personId ?? 'shengjia-zhao'} origin={origin} onEscape={onEscape} sessions={fake.port} />,
    );
    return { ...view, fake, onEscape };
  }

  it('holds no note UI of its own: a fixed-size extension-page frame named by a fresh session for this person and page', async () => {
    useLocale('en');
    const { fake } = renderNotes();
    await waitFor(() => expect(frameOf()).not.toBeNull());
    const section = screen.getByTestId('card-notes');
    expect(section.querySelector('textarea, input, [data-testid="note-list"]')).toBeNull();
    expect(fake.opened).toEqual([{ id: expect.stringMatching(/^[0-9a-f]{32}$/), personId: 'shengjia-zhao', origin, closed: false }]);
    const frame = frameOf()!;
    // The session travels in the fragment only: the frame's URL carries nothing else.
    expect(frame.src).toBe(fake.port.frameUrl(fake.opened[0]!.id));
    expect(frame.style.height).toBe(`${NOTE_FRAME_HEIGHT}px`);
    expect(frame.style.borderWidth || frame.style.border).toMatch(/^0/);
  });

  it('stays invisible and out of the tab order until the background says its frame loaded', async () => {
    useLocale('en');
    const { fake } = renderNotes();
    await waitFor(() => expect(frameOf()).not.toBeNull());
    const frame = frameOf()!;
    expect(frame.style.visibility).toBe('hidden');
    expect(frame.tabIndex).toBe(-1);
    load(frame);
    expect(frame.style.visibility).toBe('hidden');
    act(() => fake.emit(fake.opened[0]!.id, 'ready'));
    expect(frameOf()!.style.visibility).toBe('visible');
    expect(frameOf()!.tabIndex).toBe(0);
  });

  it('a second load (the frame navigated) removes it at once, ends its session and says so; "show again" opens a new one', async () => {
    useLocale('en');
    const { fake } = renderNotes();
    await waitFor(() => expect(frameOf()).not.toBeNull());
    const first = fake.opened[0]!.id;
    load(frameOf()!);
    act(() => fake.emit(first, 'ready'));
    load(frameOf()!);
    expect(frameOf()).toBeNull();
    expect(screen.getByTestId('card-notes-tampered').textContent).toContain('This page tried to take over the notes box');
    expect(fake.opened[0]!.closed).toBe(true);
    userClick(screen.getByRole('button', { name: 'Show my notes again' }));
    await waitFor(() => expect(frameOf()).not.toBeNull());
    expect(fake.opened[1]!.id).not.toBe(first);
    expect(frameOf()!.src).toBe(fake.port.frameUrl(fake.opened[1]!.id));
  });

  it('is inert until shown, and keeps focus in the card when it is taken away while focused', async () => {
    useLocale('en');
    const { fake } = renderNotes();
    await waitFor(() => expect(frameOf()).not.toBeNull());
    expect(frameOf()!.inert).toBe(true);
    load(frameOf()!);
    act(() => fake.emit(fake.opened[0]!.id, 'ready'));
    expect(frameOf()!.inert).toBe(false);
    frameOf()!.focus();
    expect(document.activeElement).toBe(frameOf());
    // The frame navigated while the user was typing in it: it goes, and focus must not fall to the page.
    load(frameOf()!);
    expect(frameOf()).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('card-notes')));
  });

  it('never shows a frame that loaded twice before it was ready, nor one whose session a copy presented', async () => {
    useLocale('en');
    const { fake } = renderNotes();
    await waitFor(() => expect(frameOf()).not.toBeNull());
    load(frameOf()!);
    load(frameOf()!);
    act(() => fake.emit(fake.opened[0]!.id, 'ready'));
    expect(frameOf()).toBeNull();
    cleanup();

    const again = renderNotes();
    await waitFor(() => expect(frameOf()).not.toBeNull());
    act(() => again.fake.emit(again.fake.opened[0]!.id, 'ended'));
    expect(frameOf()).toBeNull();
    expect(screen.getByTestId('card-notes-tampered')).toBeTruthy();
  });

  it('ignores a load event the page could have made up, and events of other sessions', async () => {
    useLocale('en');
    const { fake, onEscape } = renderNotes();
    await waitFor(() => expect(frameOf()).not.toBeNull());
    load(frameOf()!);
    act(() => fake.emit(fake.opened[0]!.id, 'ready'));
    // happy-dom marks dispatched events untrusted, as a browser does for a page's dispatchEvent.
    act(() => void frameOf()!.dispatchEvent(new Event('load')));
    act(() => fake.emit('f'.repeat(32), 'escape'));
    expect(onEscape).not.toHaveBeenCalled();
  });

  it('an Escape relayed from its frame closes the card; unmounting closes the session', async () => {
    useLocale('en');
    const { fake, onEscape, unmount } = renderNotes();
    await waitFor(() => expect(frameOf()).not.toBeNull());
    act(() => fake.emit(fake.opened[0]!.id, 'escape'));
    expect(onEscape).toHaveBeenCalledOnce();
    unmount();
    expect(fake.opened[0]!.closed).toBe(true);
  });

  it('is labelled for screen readers in Chinese too', async () => {
    useLocale('zh_CN');
    renderNotes();
    await waitFor(() => expect(within(screen.getByTestId('card-notes')).getByTitle('你对此人的私人笔记').localName).toBe('iframe'));
  });
});

describe('HoverCard keyboard and actions', () => {
  it('Escape anywhere in the card closes it', () => {
    useLocale('en');
    const act = actions();
    renderCard({ actions: act });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Close' }), { key: 'Escape' });
    expect(act.close).toHaveBeenCalledOnce();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(act.close).toHaveBeenCalledTimes(2);
  });

  it('the body is a labelled region in the tab order; arrows and Page Up/Down scroll it from anywhere in the card', () => {
    useLocale('en');
    renderCard();
    const body = screen.getByRole('region', { name: 'Details on Shengjia Zhao' });
    expect(body.tabIndex).toBe(0);
    Object.defineProperty(body, 'scrollHeight', { value: 1200 });
    Object.defineProperty(body, 'clientHeight', { value: 300 });
    const press = (target: Element, key: string) => {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(press(body, 'PageDown')).toBe(true);
    expect(body.scrollTop).toBe(260);
    expect(press(body, 'ArrowDown')).toBe(true);
    expect(body.scrollTop).toBe(300);
    // From the close button too: the page must never scroll under the card.
    expect(press(screen.getByRole('button', { name: 'Close' }), 'PageUp')).toBe(true);
    expect(body.scrollTop).toBe(40);
    expect(press(body, 'End')).toBe(true);
    expect(body.scrollTop).toBe(900);
    expect(press(body, 'Enter')).toBe(false);
    expect(screen.getByTestId('card')).not.toBeNull();
  });

  it('Tab cycles inside the card', () => {
    useLocale('en');
    renderCard();
    const dialog = screen.getByRole('dialog');
    const close = screen.getByRole('button', { name: 'Close' });
    const last = screen.getByTestId('turn-off-site');
    last.focus();
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    // A collapsed claims panel holds nothing focusable that Tab could reach.
    expect(dialog.querySelector('[hidden] button, [hidden] a')).toBeNull();
  });

  it('the links call the host: open in popup, all notes, turn off on this site; a failure is shown', async () => {
    useLocale('en');
    const act = actions({ turnOffSite: vi.fn(async () => Promise.reject(new Error('storage full'))) });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    renderCard({ actions: act });
    userClick(screen.getByRole('button', { name: 'Open in popup' }));
    expect(act.openPage).toHaveBeenCalledWith('popup');
    userClick(screen.getByRole('button', { name: 'All notes' }));
    expect(act.openPage).toHaveBeenCalledWith('notes');
    userClick(screen.getByRole('button', { name: 'Turn off on this site' }));
    expect(act.turnOffSite).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.getByText('That did not work. Try again.')).toBeTruthy());
    userClick(screen.getByRole('button', { name: 'Close' }));
    expect(act.close).toHaveBeenCalledOnce();
  });

  it('in a frame, "Turn off" says it is the tab’s site it turns off', () => {
    useLocale('en');
    const act = actions();
    renderCard({ actions: act, inFrame: true });
    expect(screen.queryByRole('button', { name: 'Turn off on this site' })).toBeNull();
    userClick(screen.getByRole('button', { name: 'Turn off on this tab’s site' }));
    expect(act.turnOffSite).toHaveBeenCalledOnce();
  });
});

describe('HoverCard takes only the reader’s own clicks', () => {
  it('a click a script made up on any of its buttons does nothing', () => {
    useLocale('en');
    const notThisPerson = vi.fn(async () => {});
    const act = actions({ notThisPerson });
    renderCard({
      actions: act,
      mention: {
        explanation: { confidence: 'possible', why: { kind: 'variant', written: '趙勝嘉', of: '赵晟佳' } },
        aliasText: '趙勝嘉',
        names: null,
      },
    });
    const buttons = screen.getAllByRole('button');
    // The footer's four links, Close, "Not this person" and the disputed facts' marks at least.
    expect(buttons.length).toBeGreaterThanOrEqual(7);
    for (const button of buttons) fireEvent.click(button);
    expect(act.openPage).not.toHaveBeenCalled();
    expect(act.turnOffSite).not.toHaveBeenCalled();
    expect(act.close).not.toHaveBeenCalled();
    expect(notThisPerson).not.toHaveBeenCalled();
    for (const mark of screen.getAllByTestId('conflict-mark')) expect(mark.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('HoverCard with the mention it was opened on', () => {
  it('says "Possibly" in the heading, the why under it, and "Not this person" runs the action', async () => {
    useLocale('en');
    const notThisPerson = vi.fn(async () => {});
    renderCard({
      actions: actions({ notThisPerson }),
      mention: {
        explanation: { confidence: 'possible', why: { kind: 'variant', written: '趙勝嘉', of: '赵晟佳' } },
        aliasText: '趙勝嘉',
        names: null,
      },
    });
    expect(screen.getByRole('dialog', { name: 'Possibly Shengjia Zhao' })).toBeTruthy();
    expect(screen.getByTestId('card-why').textContent).toBe('Written 趙勝嘉 here, a variant of 赵晟佳');
    userClick(screen.getByTestId('not-this-person'));
    await waitFor(() => expect(notThisPerson).toHaveBeenCalledTimes(1));
  });
});
