import { afterEach, describe, expect, it, vi } from 'vitest';
import { importCardUi, lazyCardController, registerCardUi } from '@/content/card/loader';
import type { CardController, MentionTarget } from '@/content/card/mention-target';

function fakeController(): CardController & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    pointerEnter: (target) => calls.push(`enter ${target.personId}`),
    pointerLeave: () => calls.push('leave'),
    open: (target, options) => calls.push(`open ${target.personId} ${options.viaKeyboard}`),
    close: () => calls.push('close'),
    destroy: () => calls.push('destroy'),
  };
}

const target = (personId: string) => ({ personId }) as MentionTarget;

/** A load the test settles by hand. */
function deferred() {
  let resolve!: (c: CardController) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<CardController>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('lazyCardController', () => {
  afterEach(() => vi.restoreAllMocks());

  it('forwards every call once the real controller has arrived', async () => {
    const real = fakeController();
    const lazy = lazyCardController(async () => real);
    await settle();
    lazy.pointerEnter(target('a'));
    lazy.pointerLeave();
    lazy.open(target('b'), { viaKeyboard: true });
    lazy.close();
    expect(real.calls).toEqual(['enter a', 'leave', 'open b true', 'close']);
  });

  it('replays only the latest request made while loading', async () => {
    const load = deferred();
    const lazy = lazyCardController(() => load.promise);
    lazy.pointerEnter(target('a'));
    lazy.pointerEnter(target('b'));
    const real = fakeController();
    load.resolve(real);
    await settle();
    expect(real.calls).toEqual(['enter b']);
  });

  it('drops a hover that ended, or a card closed, before the code arrived', async () => {
    for (const cancel of ['pointerLeave', 'close'] as const) {
      const load = deferred();
      const lazy = lazyCardController(() => load.promise);
      lazy.pointerEnter(target('a'));
      lazy[cancel]();
      const real = fakeController();
      load.resolve(real);
      await settle();
      expect(real.calls, cancel).toEqual([]);
    }
  });

  it('keeps a keyboard open through a pointerLeave while loading', async () => {
    const load = deferred();
    const lazy = lazyCardController(() => load.promise);
    lazy.open(target('a'), { viaKeyboard: true });
    lazy.pointerLeave();
    const real = fakeController();
    load.resolve(real);
    await settle();
    expect(real.calls).toEqual(['open a true']);
  });

  it('destroys a controller that arrives after destroy(), and forwards nothing', async () => {
    const load = deferred();
    const lazy = lazyCardController(() => load.promise);
    lazy.pointerEnter(target('a'));
    lazy.destroy();
    lazy.open(target('b'), { viaKeyboard: false });
    const real = fakeController();
    load.resolve(real);
    await settle();
    expect(real.calls).toEqual(['destroy']);
  });

  it('reports a failed load once and then ignores calls', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = deferred();
    const lazy = lazyCardController(() => load.promise);
    lazy.pointerEnter(target('a'));
    load.reject(new Error('gone'));
    await settle();
    expect(() => {
      lazy.pointerEnter(target('b'));
      lazy.open(target('b'), { viaKeyboard: true });
      lazy.close();
      lazy.destroy();
    }).not.toThrow();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]![0])).toMatch(/card could not be loaded/);
  });
});

describe('importCardUi', () => {
  it('returns what the imported script registered', async () => {
    delete (globalThis as Record<string, unknown>).__talentLensCardUi;
    const script = 'globalThis.__talentLensCardUi = { createCardController: () => "made by the imported script" };';
    const ui = await importCardUi(`data:text/javascript,${encodeURIComponent(script)}`);
    expect(ui.createCardController()).toBe('made by the imported script');
  });

  it('registerCardUi is what card-ui.js calls to be found', async () => {
    const ui = { createCardController: () => fakeController(), useUiLanguage: () => {} };
    registerCardUi(ui);
    await expect(importCardUi(`data:text/javascript,${encodeURIComponent('/* already registered */')}`)).resolves.toBe(ui);
  });

  it('fails clearly when the script registered nothing', async () => {
    delete (globalThis as Record<string, unknown>).__talentLensCardUi;
    const url = `data:text/javascript,${encodeURIComponent('/* registers nothing */')}`;
    await expect(importCardUi(url)).rejects.toThrow(/registered no card/);
  });
});
