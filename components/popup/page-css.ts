import { CARD_CSS } from '@/components/card/card-css';
import { NOTES_CSS } from '@/components/notes/notes-css';

/**
 * Styles for the extension's own pages (popup, notes page). They reuse the
 * card's stylesheet, with its `:host` rules (colour variables for light and
 * dark) applied to a `.tl-host` wrapper instead of a shadow host, so a person
 * looks the same in the card, the popup and the notes page.
 */
const SCOPED_CARD_CSS = CARD_CSS.replaceAll(':host', '.tl-host');

const PAGE_CSS = `
html, body { margin: 0; padding: 0; }
body { background: #ffffff; }
@media (prefers-color-scheme: dark) { body { background: #1e2227; } }
.tl-host.tl-page { position: static; z-index: auto; width: auto; max-width: none; }
.tl-app {
  background: var(--tl-bg); color: var(--tl-fg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  font-size: 14px; line-height: 20px; color-scheme: light dark;
}
.tl-app :focus-visible { outline: 2px solid var(--tl-focus); outline-offset: 1px; }
.tl-app a { color: var(--tl-accent); }
.tl-app input[type="search"], .tl-app input[type="text"] {
  box-sizing: border-box; width: 100%; padding: 6px 8px; font: inherit; color: inherit;
  background: transparent; border: 1px solid var(--tl-border); border-radius: 6px;
}
.tl-button {
  padding: 4px 10px; border: 1px solid var(--tl-border); border-radius: 6px;
  background: transparent; cursor: pointer; font-size: 13px; line-height: 18px;
}
.tl-button:hover { background: var(--tl-border); }
.tl-embedded .tl-card { max-height: none; overflow: visible; padding: 0; border: 0; box-shadow: none; background: transparent; }
.tl-switch { display: flex; align-items: center; gap: 6px; font-size: 13px; line-height: 18px; }
.tl-sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.tl-status-line { margin: 0; font-size: 13px; line-height: 18px; }
`;

export const EXTENSION_PAGE_CSS = SCOPED_CARD_CSS + NOTES_CSS + PAGE_CSS;
