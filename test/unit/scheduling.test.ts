import { describe, expect, it } from 'vitest';
import { TaskBudget } from '@/content/scheduling';

/** A promise settled by hand, after the clock moved. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('TaskBudget', () => {
  it('does not count a wait for an answer as work: the stretch before it ends, a fresh one starts after', async () => {
    let clock = 0;
    const budget = new TaskBudget(10, 1, () => clock);
    const answer = deferred<string>();
    clock = 4; // work before the wait
    const waited = budget.wait(answer.promise);
    clock = 504; // the answer takes half a second to come
    answer.resolve('done');
    expect(await waited).toBe('done');
    expect(budget.longest).toBe(4);
    expect(budget.spentNow()).toBe(false);
    clock = 510; // 6 ms of work after the wait
    budget.finish();
    expect(budget.longest).toBe(6);
  });

  it('starts a fresh stretch after a wait that fails, and passes the failure on', async () => {
    let clock = 0;
    const budget = new TaskBudget(10, 1, () => clock);
    const answer = deferred<never>();
    const waited = budget.wait(answer.promise);
    clock = 300;
    answer.reject(new Error('no answer'));
    await expect(waited).rejects.toThrow('no answer');
    expect(budget.spentNow()).toBe(false);
    expect(budget.longest).toBe(0);
  });
});
