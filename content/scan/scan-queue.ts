/**
 * Runs the page layer's scan passes one at a time, for as long as there is work.
 *
 * A request while a pass runs is left to the running drain, which checks for work again after
 * each pass. The drain sets itself as running before it can finish, and clears that in the same
 * step in which it finds no work left: a request can never find a finished drain still marked as
 * running (which would leave every later change unscanned), nor slip in between its last check
 * and its end.
 */
export class ScanQueue {
  private running: Promise<void> | null = null;

  /**
   * `hasWork`: whether a pass is due now. `pass`: one pass; it reads what is due when it starts,
   * so work that arrives during it is taken by the next one.
   */
  constructor(
    private readonly hasWork: () => boolean,
    private readonly pass: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Whether a drain is in progress. */
  get busy(): boolean {
    return this.running !== null;
  }

  /** Runs passes now, or leaves the work to the drain in progress. */
  request(): void {
    if (this.running || !this.hasWork()) return;
    this.running = this.drain();
  }

  /** Resolves once no pass is running or due. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Returns to request() before the first pass, so `running` is set before it is cleared.
    await Promise.resolve();
    try {
      while (this.hasWork()) await this.pass();
    } catch (error) {
      this.onError(error);
    } finally {
      this.running = null;
    }
  }
}
