/**
 * Keeps an editor's text as it is typed: each change is written at once
 * (there is no "later" when the card is closed by a click on the page), one
 * write at a time, and a change made during a write waits for it and then
 * writes only the latest text. `stop` drops what waits and resolves after the
 * write in flight, so a draft discarded after a save is not written back.
 */
export interface DraftWriter {
  write(text: string): void;
  /** Stops writing; resolves once nothing is in flight. */
  stop(): Promise<void>;
}

export function createDraftWriter(save: (text: string) => Promise<unknown>, onError: (cause: unknown) => void = () => {}): DraftWriter {
  let inFlight: Promise<void> | null = null;
  let waiting: string | null = null;
  let stopped = false;

  const run = (text: string): Promise<void> =>
    save(text)
      .then(
        () => undefined,
        (cause: unknown) => onError(cause),
      )
      .then(() => {
        const next = waiting;
        waiting = null;
        inFlight = next !== null && !stopped ? run(next) : null;
        return inFlight ?? undefined;
      });

  return {
    write(text) {
      if (stopped) return;
      if (inFlight) waiting = text;
      else inFlight = run(text);
    },
    async stop() {
      stopped = true;
      waiting = null;
      await inFlight;
    },
  };
}
