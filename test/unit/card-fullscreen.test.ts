// @vitest-environment happy-dom
/**
 * The card's host follows fullscreen: into the fullscreen element when it can show it, back to the
 * document element after; only the browser's own fullscreenchange moves it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followFullscreen, holds, hostContainer } from '@/content/card/fullscreen';
import { asUserInput } from './trusted-events';

function fullscreen(element: Element | null) {
  Object.defineProperty(document, 'fullscreenElement', { value: element, configurable: true });
}

describe('the card host in fullscreen', () => {
  afterEach(() => fullscreen(null));

  it('belongs in the fullscreen element, unless that element draws no children (a video)', () => {
    document.body.innerHTML = '<section id="stage"></section><video id="video"></video>';
    expect(hostContainer()).toBe(document.documentElement);
    fullscreen(document.getElementById('stage'));
    expect(hostContainer()).toBe(document.getElementById('stage'));
    fullscreen(document.getElementById('video'));
    expect(hostContainer()).toBe(document.documentElement);
  });

  it('moves in and out on the browser’s fullscreenchange, never on a forged one', () => {
    document.body.innerHTML = '<section id="stage"><p>text</p></section>';
    const host = document.createElement('talent-lens-ui');
    document.documentElement.append(host);
    const moved = vi.fn();
    const stop = followFullscreen(() => host, moved);
    const stage = document.getElementById('stage')!;
    fullscreen(stage);
    document.dispatchEvent(new Event('fullscreenchange'));
    expect(host.parentElement).toBe(document.documentElement);
    document.dispatchEvent(asUserInput(new Event('fullscreenchange')));
    expect(host.parentElement).toBe(stage);
    expect(moved).toHaveBeenLastCalledWith(stage);
    fullscreen(null);
    document.dispatchEvent(asUserInput(new Event('fullscreenchange')));
    expect(host.parentElement).toBe(document.documentElement);
    stop();
    fullscreen(stage);
    document.dispatchEvent(asUserInput(new Event('fullscreenchange')));
    expect(host.parentElement).toBe(document.documentElement);
    host.remove();
  });

  it('tells whether the fullscreen element holds a mention, through shadow roots', () => {
    document.body.innerHTML = '<section id="stage"><div id="host"></div></section><p id="out">out</p>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>inside</p>';
    const stage = document.getElementById('stage')!;
    expect(holds(stage, root.querySelector('p')!.firstChild!)).toBe(true);
    expect(holds(stage, document.getElementById('out')!.firstChild!)).toBe(false);
  });
});
