/**
 * The card's styles, adopted by its closed shadow root as a constructed
 * stylesheet (a page CSP that forbids inline <style> cannot block it).
 *
 * `:host { all: initial }` cuts off everything the page's styles would
 * inherit into the card; every size is in px because rem/em would follow the
 * page's font sizes; font, line height and colours are set explicitly.
 * The host's box (position, size, display) is also set inline by the
 * controller, because the page's rules on our tag beat :host rules.
 */
/** The colour variables, light and dark. */
const LIGHT_VARIABLES = `
  --tl-bg: #ffffff;
  --tl-fg: #1f2328;
  --tl-muted: #59636e;
  --tl-border: #d0d7de;
  --tl-accent: #0b57d0;
  --tl-rule: #c3c8cf;
  --tl-warn-bg: #fff4d6;
  --tl-warn-fg: #7a4a00;
  --tl-warn-border: #e0b34c;
  --tl-error: #b3261e;
  --tl-shadow: 0 6px 24px rgba(0, 0, 0, 0.18), 0 1px 3px rgba(0, 0, 0, 0.12);
  --tl-focus: #1a73e8;`;
const DARK_VARIABLES = `
  --tl-bg: #1e2227;
  --tl-fg: #e6e8eb;
  --tl-muted: #a3abb5;
  --tl-border: #3d444d;
  --tl-accent: #8ab4f8;
  --tl-rule: #4a525c;
  --tl-warn-bg: #3b2f12;
  --tl-warn-fg: #f5d27a;
  --tl-warn-border: #8a6a1f;
  --tl-error: #f2b8b5;
  --tl-shadow: 0 6px 24px rgba(0, 0, 0, 0.6), 0 1px 3px rgba(0, 0, 0, 0.5);
  --tl-focus: #8ab4f8;`;

export const CARD_CSS = `
:host {
  all: initial;
  display: block;
  width: 360px;${LIGHT_VARIABLES}
}
/* Our own pages (popup, notes) follow the browser's scheme; the card in a page follows the page (data-scheme, at the end). */
@media (prefers-color-scheme: dark) {
  :host {${DARK_VARIABLES}
  }
}
*, *::before, *::after { box-sizing: border-box; }
.tl-card {
  display: flex;
  flex-direction: column;
  gap: 10px;
  overflow: hidden;
  /* Compact like a preview; never taller than the room next to the mention (set by the controller). */
  max-height: min(460px, var(--tl-room, 460px), calc(100vh - 16px));
  padding: 14px 16px 12px;
  border: 1px solid var(--tl-border);
  border-radius: 10px;
  background: var(--tl-bg);
  color: var(--tl-fg);
  box-shadow: var(--tl-shadow);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  font-size: 14px;
  line-height: 20px;
  font-weight: 400;
  font-style: normal;
  text-align: start;
  letter-spacing: normal;
  word-spacing: normal;
  text-transform: none;
  overflow-wrap: anywhere;
  color-scheme: light dark;
}
.tl-card:focus { outline: none; }
.tl-card :focus-visible { outline: 2px solid var(--tl-focus); outline-offset: 1px; }
[hidden] { display: none !important; }
p, h2, h3, ul, ol, blockquote { margin: 0; padding: 0; }
ul, ol { list-style: none; }
button { font: inherit; color: inherit; }

.tl-header { display: flex; align-items: flex-start; gap: 8px; flex: none; }
/* Name and links stay put; the details between them scroll. */
.tl-body {
  display: flex; flex-direction: column; gap: 10px; flex: 1 1 auto; min-height: 0;
  overflow: auto; overscroll-behavior: contain; margin: 0 -16px; padding: 0 16px 2px;
}
.tl-body:focus-visible { outline-offset: -2px; }
.tl-names { flex: 1; min-width: 0; }
.tl-name { font-size: 17px; line-height: 22px; font-weight: 650; }
.tl-other-names { color: var(--tl-muted); font-size: 13px; line-height: 18px; }
/* Why the mark is there, and the reader's way to say it is not: one line under the name. */
.tl-why-row { display: flex; align-items: baseline; gap: 8px; flex: none; margin-top: -4px; }
.tl-why { flex: 1 1 auto; min-width: 0; color: var(--tl-muted); font-size: 13px; line-height: 18px; }
.tl-why-possible { font-style: italic; }
.tl-why-reject { flex: none; font-size: 13px; line-height: 18px; white-space: nowrap; }
.tl-why-reject:only-child { margin-inline-start: auto; }
.tl-icon-button {
  flex: none; width: 26px; height: 26px; margin: -4px -6px 0 0; padding: 0;
  border: 0; border-radius: 6px; background: transparent; color: var(--tl-muted);
  font-size: 20px; line-height: 26px; cursor: pointer;
}
.tl-icon-button:hover { background: var(--tl-border); color: var(--tl-fg); }

.tl-role { font-size: 14px; line-height: 20px; }
.tl-org { font-weight: 600; }
.tl-fact { display: block; }

.tl-section { display: flex; flex-direction: column; gap: 6px; padding-top: 8px; border-top: 1px solid var(--tl-border); }
.tl-section-heading {
  font-size: 11px; line-height: 16px; font-weight: 650; letter-spacing: 0.04em;
  text-transform: uppercase; color: var(--tl-muted);
}
.tl-muted { color: var(--tl-muted); }
.tl-notice {
  margin: 4px 0 0; padding: 8px 10px;
  border: 1px solid var(--tl-warn-border); border-radius: 6px;
  background: var(--tl-warn-bg); color: var(--tl-warn-fg);
}
.tl-notice p { margin: 0 0 4px; }
.tl-small { font-size: 12px; line-height: 16px; }
.tl-status { color: var(--tl-muted); }
.tl-error { color: var(--tl-error); }

.tl-moves { position: relative; display: flex; flex-direction: column; gap: 8px; }
.tl-move { position: relative; display: grid; grid-template-columns: 64px 1fr; column-gap: 12px; }
.tl-move::before {
  content: ""; position: absolute; left: 72px; top: 6px;
  width: 8px; height: 8px; border-radius: 50%; background: var(--tl-accent);
}
.tl-move:not(:last-child)::after {
  content: ""; position: absolute; left: 75px; top: 16px; bottom: -10px;
  width: 2px; background: var(--tl-rule);
}
.tl-move-when { color: var(--tl-muted); font-size: 12px; line-height: 20px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tl-move-body { display: flex; flex-direction: column; padding-left: 12px; min-width: 0; }
.tl-move-route { font-weight: 600; }
.tl-move-role, .tl-move-summary { font-size: 13px; line-height: 18px; }
.tl-move-summary { color: var(--tl-muted); }

.tl-quotes { display: flex; flex-direction: column; gap: 10px; }
.tl-quote { display: flex; flex-direction: column; gap: 3px; }
.tl-quote-about { font-size: 11px; line-height: 16px; color: var(--tl-muted); }
.tl-quote-text {
  padding-left: 10px; border-left: 3px solid var(--tl-accent);
  font-size: 14px; line-height: 21px;
}
.tl-quote-text::before { content: "\\201C"; }
.tl-quote-text::after { content: "\\201D"; }
.tl-quote-text:lang(zh)::before { content: "\\300C"; }
.tl-quote-text:lang(zh)::after { content: "\\300D"; }
.tl-quote-part { display: flex; flex-direction: column; gap: 1px; }
.tl-quote-label { font-size: 11px; line-height: 16px; color: var(--tl-muted); }
.tl-quote-gloss { font-size: 14px; line-height: 20px; }
.tl-quote-source { font-size: 12px; line-height: 17px; color: var(--tl-muted); }
.tl-copy { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 10px; }
.tl-citation-text {
  width: 100%; margin: 2px 0 0; padding: 4px 6px; resize: vertical;
  border: 1px solid var(--tl-border); border-radius: 4px; background: var(--tl-bg); color: var(--tl-fg);
  font: 12px/16px inherit; font-family: inherit;
}

/* Titles are never cut: a reader checking a source needs all of it. */
.tl-source, .tl-source-title, .tl-source-translation, .tl-source-details { display: block; }
.tl-source-title { font-style: normal; color: var(--tl-fg); }
.tl-source-translation, .tl-source-details { color: var(--tl-muted); }
.tl-source-passage { display: block; }
.tl-source-caveat { display: block; font-size: 12px; line-height: 16px; color: var(--tl-warn-fg); }
.tl-source-passage q { quotes: "\\201C" "\\201D"; }
.tl-sources { display: flex; flex-direction: column; gap: 4px; margin-top: 2px; font-size: 12px; line-height: 17px; color: var(--tl-muted); }
.tl-source-notes { display: flex; flex-direction: column; gap: 6px; font-size: 12px; line-height: 17px; }
.tl-source-note { display: block; color: var(--tl-warn-fg); }
.tl-move-conflict { grid-column: 1 / -1; }

.tl-conflict-button {
  display: inline-flex; align-items: center; gap: 4px; margin: 2px 0; padding: 0 7px;
  border: 1px solid var(--tl-warn-border); border-radius: 10px;
  background: var(--tl-warn-bg); color: var(--tl-warn-fg);
  font-size: 12px; line-height: 18px; font-weight: 600; cursor: pointer;
}
.tl-conflict-button[aria-expanded="true"] { border-bottom-left-radius: 2px; border-bottom-right-radius: 2px; }
.tl-conflict-icon {
  display: inline-block; width: 13px; height: 13px; border-radius: 50%;
  background: var(--tl-warn-fg); color: var(--tl-warn-bg);
  font-size: 10px; line-height: 13px; text-align: center; font-weight: 700;
}
.tl-claims {
  margin-top: 4px; padding: 8px 10px; border: 1px solid var(--tl-warn-border); border-radius: 6px;
  background: var(--tl-warn-bg); color: var(--tl-fg);
}
.tl-claims-topic { font-weight: 600; margin-bottom: 4px; font-size: 13px; line-height: 18px; }
.tl-claims ol { display: flex; flex-direction: column; gap: 6px; list-style: decimal; padding-left: 18px; }
.tl-claim-statement { font-size: 13px; line-height: 18px; }

.tl-footer {
  flex: none;
  display: flex; flex-wrap: wrap; gap: 4px 14px; padding-top: 8px; border-top: 1px solid var(--tl-border);
}
.tl-footer-end { margin-left: auto; }
.tl-link-button {
  padding: 0; border: 0; background: none; color: var(--tl-accent);
  font-size: 13px; line-height: 20px; cursor: pointer; text-decoration: none;
}
.tl-link-button:hover { text-decoration: underline; }

/* "Turned off on this site" with Undo, where the card was. */
.tl-notice-bar {
  display: flex; align-items: baseline; gap: 12px; padding: 10px 14px;
  border: 1px solid var(--tl-border); border-radius: 10px;
  background: var(--tl-bg); color: var(--tl-fg); box-shadow: var(--tl-shadow);
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
  font-size: 14px; line-height: 20px; color-scheme: light dark;
}
.tl-notice-bar :focus-visible { outline: 2px solid var(--tl-focus); outline-offset: 1px; }
.tl-notice-text { flex: 1 1 auto; }
.tl-notice-bar .tl-link-button { font-size: 14px; font-weight: 600; }

/*
 * The card and its notice in a page take the scheme of what is behind the mention, whatever the
 * system's (content/card/page-scheme.ts). Last, so it wins over the rules above; \`color-scheme\`
 * also tells the notes frame inside the card which backdrop it has (see note-frame/frame-css.ts).
 */
[data-scheme="light"] {${LIGHT_VARIABLES}
  color-scheme: light;
}
[data-scheme="dark"] {${DARK_VARIABLES}
  color-scheme: dark;
}
`;
