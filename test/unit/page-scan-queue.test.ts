/**
 * The scan queue: one pass at a time, work that arrives during a pass taken by the next one, and
 * never a finished drain left marked as running (which stopped every later rescan of a page that
 * kept changing, once a debounced request came when a pass had already taken the change).
 */
import { describe, expect, it, vi } from 'vitest';
import { ScanQueue } from '@/content/scan/scan-queue';

function queueWith() {
  let due = 0;
  let release: (() => void) | null = null;
  const passes: number[] = [];
  const queue = new ScanQueue(
    () => due > 0,
    async () => {
      passes.push(due);
      due = 0;
      await new Promise<void>((resolve) => (release = resolve));
    },
    (error) => {
      throw error;
    },
  );
  return {
    queue,
    passes,
    add: () => void due++,
    finishPass: async () => {
      await vi.waitFor(() => expect(release).not.toBeNull());
      const finish = release!;
      release = null;
      finish();
      await Promise.resolve();
    },
  };
}

describe('ScanQueue', () => {
  it('a request with nothing due leaves the queue free for the next one', async () => {
    const { queue, passes, add, finishPass } = queueWith();
    queue.request();
    expect(queue.busy).toBe(false);
    add();
    queue.request();
    expect(queue.busy).toBe(true);
    await finishPass();
    await queue.idle();
    expect(passes).toEqual([1]);
    expect(queue.busy).toBe(false);
  });

  it('a request after a pass took the work (the debounced one) does not block later work', async () => {
    const { queue, passes, add, finishPass } = queueWith();
    add();
    queue.request();
    await finishPass();
    await queue.idle();
    // The debounce timer fires now, with its change already scanned.
    queue.request();
    await queue.idle();
    expect(queue.busy).toBe(false);
    add();
    queue.request();
    await finishPass();
    await queue.idle();
    expect(passes).toEqual([1, 1]);
  });

  it('work that arrives during a pass is taken by the next pass of the same drain', async () => {
    const { queue, passes, add, finishPass } = queueWith();
    add();
    queue.request();
    await vi.waitFor(() => expect(passes).toEqual([1]));
    add();
    add();
    queue.request();
    await finishPass();
    await finishPass();
    await queue.idle();
    expect(passes).toEqual([1, 2]);
  });

  it('a failing pass is reported and frees the queue', async () => {
    const errors: unknown[] = [];
    let due = true;
    const queue = new ScanQueue(
      () => due,
      async () => {
        due = false;
        throw new Error('boom');
      },
      (error) => errors.push(error),
    );
    queue.request();
    await queue.idle();
    expect(errors).toHaveLength(1);
    expect(queue.busy).toBe(false);
  });
});
