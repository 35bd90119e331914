import { NOTES_CSS } from '@/components/notes/notes-css';

/**
 * The notes frame's page styles: transparent, so the card's own background
 * shows through, with the card's font, text colours and px sizes, light and
 * dark. The card and this page both follow the browser's colour scheme, so
 * they always agree; `color-scheme: light dark` on both sides keeps Chromium
 * from painting an opaque backdrop behind the frame.
 */
const FRAME_CSS = `
:root {
  color-scheme: light dark;
  --tl-fg: #1f2328;
  --tl-border: #d0d7de;
  --tl-focus: #1a73e8;
}
@media (prefers-color-scheme: dark) {
  :root { --tl-fg: #e6e8eb; --tl-border: #3d444d; --tl-focus: #8ab4f8; }
}
html, body { margin: 0; padding: 0; background: transparent; }
/* The card gives the frame a fixed height (its size must not tell the page how many notes there are): the notes scroll inside. */
html { overflow-y: auto; }
body {
  color: var(--tl-fg);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  font-size: 14px;
  line-height: 20px;
  overflow-wrap: anywhere;
}
*, *::before, *::after { box-sizing: border-box; }
/* Room for focus rings at the frame's edges; the card offsets the frame by as much. */
.tl-note-frame { padding: 3px; }
.tl-note-frame:focus { outline: none; }
.tl-user-facts ul { margin: 0 0 8px; padding: 0; list-style: none; }
.tl-user-facts li { padding: 4px 0; border-bottom: 1px solid var(--tl-border); }
.tl-user-facts blockquote { margin: 4px 0; padding-inline-start: 8px; border-inline-start: 2px solid var(--tl-border); }
.tl-user-fact-by, .tl-user-tags { display: block; font-size: 12px; line-height: 16px; opacity: 0.8; }
.tl-user-fact-by a { color: inherit; }
.tl-user-fact-by a:focus-visible { outline: 2px solid var(--tl-focus); }
`;

export const NOTE_FRAME_CSS = FRAME_CSS + NOTES_CSS;
