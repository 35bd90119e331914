import { describe, expect, it, vi } from 'vitest';
import { onlyTrusted } from '@/content/trusted';
import { asUserInput } from './trusted-events';

describe('onlyTrusted', () => {
  it("passes the browser's own events and drops the ones a page dispatched", () => {
    const listener = vi.fn();
    const target = new EventTarget();
    target.addEventListener('keydown', onlyTrusted(listener));
    // In Node (as in a browser) an event made by a script is not trusted.
    target.dispatchEvent(new Event('keydown'));
    expect(listener).not.toHaveBeenCalled();
    const real = asUserInput(new Event('keydown'));
    target.dispatchEvent(real);
    expect(listener).toHaveBeenCalledWith(real);
  });
});
