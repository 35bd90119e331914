/**
 * How fast the pointer is moving, from its last few positions: a pointer sweeping across a page
 * is not reading the names it crosses, and no card should open for them (10ten Japanese Reader
 * holds its popup back the same way). Pure: positions and times come in, the caller reads the clock.
 *
 * The speed is the path the pointer travelled over its recent samples divided by the time from the
 * first of them (at most one window back) to `now`: a pointer that stopped slows down as time passes
 * without a new sample, and is at rest once a whole window has passed.
 */

export interface PointerSpeedOptions {
  /** Samples older than this (ms before now) no longer count, but for the last one before the window, where the path starts. */
  windowMs: number;
  /** At most this many samples are kept. */
  maxSamples: number;
  /** At or above this average speed (px per ms) the pointer is moving fast. */
  fastPxPerMs: number;
}

/** 100 ms of samples; 0.8 px/ms is 800 px a second: a reader's hand heading for a name moves slower. */
export const POINTER_SPEED: PointerSpeedOptions = { windowMs: 100, maxSamples: 8, fastPxPerMs: 0.8 };

interface Sample {
  x: number;
  y: number;
  t: number;
}

export class PointerSpeed {
  private readonly samples: Sample[] = [];

  constructor(private readonly options: PointerSpeedOptions = POINTER_SPEED) {}

  /** The pointer was at (x, y) at time t (ms, the clock `now` is read from). */
  add(x: number, y: number, t: number): void {
    this.samples.push({ x, y, t });
    if (this.samples.length > this.options.maxSamples) this.samples.shift();
  }

  /** The average speed in px per ms over the recent samples, up to `now`. */
  speed(now: number): number {
    const { samples } = this;
    let first = samples.length - 1;
    // Back to the last sample before the window: the path within the window starts there.
    while (first > 0 && samples[first]!.t >= now - this.options.windowMs) first--;
    if (first < 0 || first === samples.length - 1) return 0;
    let path = 0;
    for (let i = first + 1; i < samples.length; i++) {
      path += Math.hypot(samples[i]!.x - samples[i - 1]!.x, samples[i]!.y - samples[i - 1]!.y);
    }
    // A pointer at rest before a flick: the flick's path over the window, not over the whole rest.
    return path / Math.max(1, now - Math.max(samples[first]!.t, now - this.options.windowMs));
  }

  isFast(now: number): boolean {
    return this.speed(now) >= this.options.fastPxPerMs;
  }

  clear(): void {
    this.samples.length = 0;
  }
}
