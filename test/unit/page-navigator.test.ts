// @vitest-environment happy-dom
/**
 * The navigator on its own, over a mark layer with drawn mentions (element engine): the
 * next-mention step goes through the mentions in order and announces each, the popup's reveal finds
 * a person's first mention, focus on a mark opens its card with what the card needs, and the
 * manifest command right after the same keys reached the page does not step twice.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectBlocks, type TextBlock } from '@/content/scan/segments';
import { MarkLayer } from '@/content/marks/mark-layer';
import { Navigator, type NavigatorHost } from '@/content/navigation/navigator';
import { asUserInput } from './trusted-events';
import { recordingCardController, mentionOf, TWO_PEOPLE } from './page-fixtures';

const people = TWO_PEOPLE;

let navigator: Navigator | null = null;
afterEach(() => {
  navigator?.destroy();
  navigator = null;
});

function setup(handOff?: (direction: 1 | -1) => Promise<boolean>) {
  document.body.innerHTML = '<p>Ada Lovelace wrote first.</p><p>Alan Turing answered Ada Lovelace.</p><input id="field">';
  const controller = recordingCardController();
  const text = vi.fn((_key: string, substitutions: string[]) => substitutions.join('/'));
  const host: NavigatorHost = {
    listen: (target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions) =>
      target.addEventListener(type, handler as EventListener, options),
    text,
  };
  let nav: Navigator | null = null;
  const marks = new MarkLayer({ people, engine: 'element', mute: (change) => change(), onRemoved: (gone) => nav?.forget(gone) });
  nav = navigator = new Navigator({
    people,
    marks,
    host,
    createController: () => controller,
    active: () => true,
    guard: (_what, fn) => fn(),
    isOurs: () => false,
    ...(handOff ? { handOff } : {}),
  });
  nav.listen();
  const [first, second] = collectBlocks(document.body) as [TextBlock, TextBlock];
  marks.draw(first, [mentionOf(first, 'Ada Lovelace', 0)]);
  marks.draw(second, [mentionOf(second, 'Alan Turing', 1), mentionOf(second, 'Ada Lovelace', 0)]);
  return { navigator: nav, marks, controller, text };
}

const focusedText = () => document.activeElement?.textContent;

describe('Navigator', () => {
  it('steps through the mentions in document order, both ways, announcing each', () => {
    const { navigator, text } = setup();
    expect(navigator.step(1)).toBe(true);
    expect(focusedText()).toBe('Ada Lovelace');
    expect(text).toHaveBeenLastCalledWith('pageMentionAnnouncement', ['Ada Lovelace', '1', '3']);
    navigator.step(1);
    expect(focusedText()).toBe('Alan Turing');
    expect(text).toHaveBeenLastCalledWith('pageMentionAnnouncement', ['Alan Turing', '2', '3']);
    navigator.step(-1);
    expect(text).toHaveBeenLastCalledWith('pageMentionAnnouncement', ['Ada Lovelace', '1', '3']);
  });

  it('reveals a person’s first mention', () => {
    const { navigator } = setup();
    expect(navigator.reveal('alan')).toBe(true);
    expect(focusedText()).toBe('Alan Turing');
    expect(navigator.reveal('nobody')).toBe(false);
  });

  it('focus on a mark opens its card with the person, alias text and explanation', () => {
    const { marks, controller } = setup();
    const alan = marks.mentions()[1]!;
    alan.mark.focusTarget!.dispatchEvent(asUserInput(new FocusEvent('focusin', { bubbles: true })));
    expect(controller.open).toHaveBeenCalledWith(
      expect.objectContaining({ personId: 'alan', aliasText: 'Alan Turing', explanation: alan.mention.explanation }),
      { viaKeyboard: true },
    );
  });

  it('the shortcut from the page steps once; the command that echoes it right after does not step again', () => {
    const { navigator, text } = setup();
    const keys = asUserInput(new KeyboardEvent('keydown', { code: 'KeyN', key: 'N', altKey: true, shiftKey: true, cancelable: true }));
    window.dispatchEvent(keys);
    expect(keys.defaultPrevented).toBe(true);
    expect(text).toHaveBeenCalledTimes(1);
    expect(navigator.focusNext(1)).toBe(true);
    expect(text).toHaveBeenCalledTimes(1);
  });

  it('the shortcut typed in a form field is the field’s', () => {
    const { text } = setup();
    const field = document.getElementById('field')!;
    const keys = asUserInput(
      new KeyboardEvent('keydown', { code: 'KeyN', key: 'N', altKey: true, shiftKey: true, bubbles: true, cancelable: true }),
    );
    field.dispatchEvent(keys);
    expect(keys.defaultPrevented).toBe(false);
    expect(text).not.toHaveBeenCalled();
  });

  it('a mention that is no longer drawn is let go: the next step starts over', () => {
    const { navigator, marks, text } = setup();
    navigator.step(1);
    navigator.step(1);
    expect(text).toHaveBeenLastCalledWith('pageMentionAnnouncement', ['Alan Turing', '2', '3']);
    const second = marks.mentions()[1]!.block;
    marks.clear(second);
    navigator.step(1);
    expect(text).toHaveBeenLastCalledWith('pageMentionAnnouncement', ['Ada Lovelace', '1', '1']);
  });

  it('past the last mention, offers the selection to the other frames; when one takes it nothing stays selected here', async () => {
    const handOff = vi.fn(async () => true);
    const { navigator, text } = setup(handOff);
    navigator.step(1);
    navigator.step(1);
    navigator.step(1);
    expect(handOff).not.toHaveBeenCalled();
    expect(text).toHaveBeenCalledTimes(3);
    expect(navigator.step(1)).toBe(true);
    expect(handOff).toHaveBeenCalledWith(1);
    // A task later every promise callback has run.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Nothing announced here: the other frame announces its own. Coming back later starts from what the
    // reader sees (the first mention), not from the one left behind, so it asks no other frame.
    expect(text).toHaveBeenCalledTimes(3);
    navigator.step(1);
    expect(handOff).toHaveBeenCalledTimes(1);
    expect(text).toHaveBeenLastCalledWith('pageMentionAnnouncement', ['Ada Lovelace', '1', '3']);
  });

  it('when no other frame takes it, the selection wraps round this frame’s own', async () => {
    const handOff = vi.fn(async () => false);
    const { navigator, text } = setup(handOff);
    navigator.step(1);
    navigator.step(-1);
    expect(handOff).toHaveBeenCalledWith(-1);
    await vi.waitFor(() => expect(text).toHaveBeenLastCalledWith('pageMentionAnnouncement', ['Ada Lovelace', '3', '3']));
  });

  it('entered from another frame, selects this frame’s first or last mention', () => {
    const { navigator, text } = setup(async () => true);
    expect(navigator.enter(-1)).toBe(true);
    expect(text).toHaveBeenLastCalledWith('pageMentionAnnouncement', ['Ada Lovelace', '3', '3']);
    expect(navigator.enter(1)).toBe(true);
    expect(focusedText()).toBe('Ada Lovelace');
    expect(text).toHaveBeenLastCalledWith('pageMentionAnnouncement', ['Ada Lovelace', '1', '3']);
  });

  it('on a page without marks the shortcut asks the other frames and leaves the page its key', () => {
    const handOff = vi.fn(async () => true);
    const { marks } = setup(handOff);
    for (const block of new Set(marks.mentions().map((m) => m.block))) marks.clear(block);
    expect(marks.size).toBe(0);
    const keys = asUserInput(new KeyboardEvent('keydown', { code: 'KeyN', key: 'N', altKey: true, shiftKey: true, cancelable: true }));
    window.dispatchEvent(keys);
    expect(handOff).toHaveBeenCalledWith(1);
    expect(keys.defaultPrevented).toBe(false);
  });
});
