/**
 * Whether this document is marked, by the reader's switches (Settings): marking on, and this document's
 * site not switched off. A child frame is also off while the site the reader sees (its tab's top-level
 * page, which only the background can tell) is switched off: an embedded post is part of that page.
 *
 * The reader's site is asked of the background only once some site is switched off. Until then every
 * frame's answer is the global switch, so the frames of an ordinary page send nothing at start.
 */
import { isEnabledFor, type Settings } from '@/utils/settings';

export class SiteSwitch {
  private readerSite: Promise<string | null> | null = null;
  private latest = 0;

  /**
   * @param ownSite this document's site key.
   * @param askReaderSite asks the background for the site the reader sees; null in the top frame, whose
   * own site it is. A failed answer counts as unknown, which leaves the frame to its own switch.
   */
  constructor(
    private readonly ownSite: () => string,
    private readonly askReaderSite: (() => Promise<string | null>) | null,
  ) {}

  async isOn(settings: Settings): Promise<boolean> {
    if (!isEnabledFor(settings, this.ownSite())) return false;
    if (!this.askReaderSite || settings.disabledSites.length === 0) return true;
    this.readerSite ??= this.askReaderSite().catch(() => null);
    const site = await this.readerSite;
    return site === null || isEnabledFor(settings, site);
  }

  /**
   * Calls `apply` with the answer for `settings` unless newer settings came while the reader's site was
   * being asked: two quick changes are applied in the order the reader made them, never the older last.
   */
  async follow(settings: Settings, apply: (on: boolean) => void): Promise<void> {
    const ticket = ++this.latest;
    const on = await this.isOn(settings);
    if (ticket === this.latest) apply(on);
  }
}
