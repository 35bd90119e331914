import { EXTENSION_PAGE_CSS } from '@/components/popup/page-css';

/** The notes page's layout on top of the shared extension-page styles. */
export const NOTES_PAGE_CSS =
  EXTENSION_PAGE_CSS +
  `
.tl-notes-page { min-height: 100vh; box-sizing: border-box; padding: 20px 24px; display: flex; flex-direction: column; gap: 12px; }
.tl-skip { position: absolute; left: -10000px; }
.tl-skip:focus { position: static; }
.tl-notes-header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 12px; }
.tl-notes-title { font-size: 22px; line-height: 28px; font-weight: 650; }
.tl-toolbar { display: flex; flex-wrap: wrap; gap: 8px; }
.tl-notes-columns { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 24px; align-items: start; }
@media (max-width: 800px) { .tl-notes-columns { grid-template-columns: minmax(0, 1fr); } }
.tl-notes-all, .tl-people { display: flex; flex-direction: column; gap: 8px; }
.tl-notes-heading { font-size: 16px; line-height: 22px; font-weight: 650; }
.tl-notes-all .tl-virtual { max-height: calc(100vh - 180px); min-height: 240px; }
.tl-note-person { font-size: 14px; line-height: 20px; font-weight: 600; margin: 0 0 4px; }
.tl-people-list { display: flex; flex-direction: column; gap: 4px; }
.tl-person-entry { border: 1px solid var(--tl-border); border-radius: 6px; padding: 6px 10px; }
.tl-person-entry summary { cursor: pointer; }
.tl-person-entry-name { font-weight: 600; }
.tl-person-page { box-sizing: border-box; max-width: 760px; min-height: 100vh; margin: 0 auto; padding: 20px 24px 40px; display: flex; flex-direction: column; gap: 16px; }
.tl-person-page-main { display: flex; flex-direction: column; gap: 20px; }
.tl-person-page .tl-name { font-size: 26px; line-height: 32px; }
.tl-page-nav { display: flex; flex-wrap: wrap; gap: 16px; font-size: 13px; line-height: 18px; }
.tl-error-detail { font-size: 12px; line-height: 17px; color: var(--tl-muted); }
.tl-error-detail summary { cursor: pointer; }
.tl-error-detail code { display: block; margin-top: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.tl-person-entry-body { display: flex; flex-direction: column; gap: 8px; padding: 8px 0 4px; }
.tl-rejections { display: flex; flex-direction: column; gap: 8px; }
.tl-sync, .tl-sync-status { display: flex; flex-direction: column; gap: 8px; }
.tl-rejections-table { border-collapse: collapse; width: 100%; font-size: 14px; line-height: 20px; }
.tl-rejections-table th, .tl-rejections-table td { text-align: start; padding: 4px 12px 4px 0; border-bottom: 1px solid var(--tl-border); vertical-align: baseline; }
.tl-rejections-table th { font-weight: 600; }
.tl-notes-side { display: flex; flex-direction: column; gap: 24px; }
.tl-own-people { display: flex; flex-direction: column; gap: 8px; }
.tl-own-people-list { display: flex; flex-direction: column; gap: 4px; }
.tl-own-person { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: 8px; border: 1px solid var(--tl-border); border-radius: 6px; padding: 6px 10px; }
.tl-own-person-text { flex: 1 1 200px; min-width: 0; overflow-wrap: anywhere; }
.tl-own-person-actions { display: flex; gap: 6px; }
.tl-own-person-actions a.tl-button { color: inherit; text-decoration: none; }
.tl-undo-toast { position: fixed; inset-inline-start: 24px; bottom: 24px; z-index: 1; display: flex; align-items: center; gap: 12px; padding: 8px 12px; border-radius: 6px; background: var(--tl-fg); color: var(--tl-bg); box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3); }
.tl-undo-toast .tl-button { color: inherit; border-color: currentColor; }
.tl-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
