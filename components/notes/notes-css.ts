/**
 * Styles for NoteEditor and NoteList, as a string so every host can adopt it:
 * the card's closed shadow root, the popup and the notes page. Sizes are px so
 * a page's root font size cannot scale them inside the card.
 */
/** Space between two notes, px: the CSS gap of a short list, and the offset the windowed list adds between its positioned rows. */
export const NOTE_GAP_PX = 8;

/** The dark scheme's rules, under `scope`. */
const darkRules = (scope: string) => `
${scope} .tl-note-error { color: #fca5a5; }
${scope} :is(.tl-note-actions button, .tl-note-undo button, .tl-note-input, .tl-note):focus-visible { outline-color: #93c5fd; }`;

export const NOTES_CSS = `
.tl-notes { display: flex; flex-direction: column; gap: 8px; }
.tl-note-items { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: ${NOTE_GAP_PX}px; }
.tl-virtual { position: relative; overflow-y: auto; overscroll-behavior: contain; }
.tl-virtual-items { position: relative; list-style: none; margin: 0; padding: 0; }
.tl-virtual-items > li { position: absolute; left: 0; right: 0; box-sizing: border-box; }
.tl-note:focus-visible { outline: 2px solid #3b82f6; outline-offset: 1px; }
.tl-note { border: 1px solid var(--tl-border, #d0d4da); border-radius: 6px; padding: 8px; }
.tl-note-text { margin: 0 0 4px; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 14px; line-height: 20px; }
.tl-note-selection { margin: 0 0 4px; padding: 0 0 0 8px; border-left: 3px solid var(--tl-border, #d0d4da); font-size: 13px; line-height: 18px; opacity: 0.85; }
.tl-note-meta { margin: 0 0 4px; font-size: 12px; line-height: 16px; opacity: 0.75; }
.tl-note-meta a { color: inherit; }
.tl-note-editor { display: flex; flex-direction: column; gap: 6px; }
.tl-note-input { box-sizing: border-box; width: 100%; min-height: 60px; font: inherit; font-size: 14px; line-height: 20px; padding: 6px; border-radius: 4px; border: 1px solid var(--tl-border, #9aa1ab); background: transparent; color: inherit; resize: vertical; }
.tl-note-actions { display: flex; gap: 6px; flex-wrap: wrap; }
.tl-note-actions button, .tl-note-undo button { font: inherit; font-size: 13px; padding: 3px 10px; border-radius: 4px; border: 1px solid var(--tl-border, #9aa1ab); background: transparent; color: inherit; cursor: pointer; }
.tl-note-actions button:focus-visible, .tl-note-undo button:focus-visible, .tl-note-input:focus-visible { outline: 2px solid #3b82f6; outline-offset: 1px; }
.tl-note-conflict { border: 1px solid #d97706; border-radius: 4px; padding: 6px; background: rgba(217, 119, 6, 0.08); font-size: 13px; }
.tl-note-conflict p { margin: 0 0 4px; }
.tl-note-error { color: #b91c1c; margin: 0; font-size: 13px; }
.tl-note-undo, .tl-note-empty { margin: 0; font-size: 13px; }
.tl-note-draft { margin: 0; font-size: 12px; line-height: 16px; opacity: 0.75; }
.tl-note-badge { display: inline-block; margin: 0 0 4px; padding: 0 6px; border: 1px solid #d97706; border-radius: 4px; font-size: 12px; line-height: 16px; }
/* Our pages follow the browser's scheme; the card's notes frame, the card's (data-scheme on its root). */
@media (prefers-color-scheme: dark) {${darkRules(':root:not([data-scheme="light"])')}
}${darkRules(':root[data-scheme="dark"]')}
`;
