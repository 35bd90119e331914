import { UI_HOST_TAG } from '@/content/ui-host';

/**
 * Screen readers do not see Highlight API marks, so the keyboard path says
 * what it selected through a polite live region. It lives in our own
 * <talent-lens-ui> host (skipped by the scanner, ignored by the observer) in a
 * closed shadow root, appended to <html> rather than <body> so the page's body
 * stays exactly as the page built it. Created on first use only.
 */
export class LiveRegion {
  private host: HTMLElement | null = null;
  private region: HTMLElement | null = null;

  announce(message: string): void {
    const region = this.ensure();
    // Clearing first makes a repeated message (the same name twice) be spoken again.
    region.textContent = '';
    setTimeout(() => {
      region.textContent = message;
    }, 50);
  }

  get text(): string {
    return this.region?.textContent ?? '';
  }

  private ensure(): HTMLElement {
    if (this.host?.isConnected && this.region) return this.region;
    const host = document.createElement(UI_HOST_TAG);
    host.setAttribute('data-role', 'announcer');
    const root = host.attachShadow({ mode: 'closed' });
    const region = document.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('aria-atomic', 'true');
    // Visually hidden, still read: the usual clip pattern, in px.
    region.style.cssText =
      'position:fixed;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;';
    root.appendChild(region);
    document.documentElement.appendChild(host);
    this.host = host;
    this.region = region;
    return region;
  }

  destroy(): void {
    this.host?.remove();
    this.host = null;
    this.region = null;
  }
}
