import { NOTES_CSS } from '@/components/notes/notes-css';

/**
 * The notes frame's page styles: transparent, so the card's own background
 * shows through, with the card's font, text colours and px sizes, light and
 * dark. The card tells the frame its scheme (the page's, content/card/page-scheme.ts)
 * in the frame's URL, and main.tsx sets it as `data-scheme` on the root: the
 * frame's `color-scheme` must be the card's, or the browser paints an opaque
 * backdrop behind the frame. Without one (a frame opened by hand) it follows
 * the browser's, as the card's iframe element then does.
 */
const DARK_VARIABLES = '--tl-fg: #e6e8eb; --tl-border: #3d444d; --tl-focus: #8ab4f8;';
const FRAME_CSS = `
:root {
  color-scheme: light dark;
  --tl-fg: #1f2328;
  --tl-border: #d0d7de;
  --tl-focus: #1a73e8;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-scheme="light"]) { ${DARK_VARIABLES} }
}
:root[data-scheme="light"] { color-scheme: light; }
:root[data-scheme="dark"] { color-scheme: dark; ${DARK_VARIABLES} }
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
