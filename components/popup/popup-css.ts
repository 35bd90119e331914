import { EXTENSION_PAGE_CSS } from './page-css';

/** The popup's layout on top of the shared extension-page styles. */
export const POPUP_CSS =
  EXTENSION_PAGE_CSS +
  `
.tl-popup { width: 380px; min-height: 200px; padding: 12px 14px; display: flex; flex-direction: column; gap: 10px; }
.tl-popup-header { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.tl-popup-title { font-size: 16px; line-height: 22px; font-weight: 650; }
.tl-search { display: flex; flex-direction: column; gap: 6px; }
.tl-results { display: flex; flex-direction: column; max-height: 320px; overflow: auto; }
.tl-result { display: flex; flex-direction: column; padding: 6px 8px; border-radius: 6px; cursor: pointer; }
.tl-result:hover, .tl-result.tl-active { background: var(--tl-border); }
.tl-result-name { font-weight: 600; }
.tl-result-zh { font-weight: 400; color: var(--tl-muted); }
.tl-result-role { font-size: 12px; line-height: 17px; color: var(--tl-muted); }
.tl-mentions { display: flex; flex-direction: column; gap: 2px; }
.tl-mention { display: flex; align-items: center; gap: 8px; }
.tl-mention-reveal {
  flex: 1; display: flex; justify-content: space-between; gap: 8px; padding: 5px 8px;
  border: 0; border-radius: 6px; background: transparent; cursor: pointer; text-align: start;
}
.tl-mention-reveal:hover { background: var(--tl-border); }
.tl-mention-name { font-weight: 600; }
.tl-mention-count { color: var(--tl-muted); font-size: 12px; }
.tl-person-pane { display: flex; flex-direction: column; gap: 10px; align-items: stretch; }
.tl-person-pane > .tl-link-button { align-self: flex-start; }
.tl-switches { gap: 4px; }
.tl-popup-footer { display: flex; flex-wrap: wrap; gap: 4px 12px; }
.tl-browse { display: flex; flex-direction: column; gap: 6px; }
.tl-browse-header { display: flex; align-items: baseline; justify-content: space-between; gap: 8px; }
.tl-browse-order { display: flex; flex-shrink: 0; gap: 4px; }
.tl-chip {
  padding: 2px 8px; border: 1px solid var(--tl-border); border-radius: 12px; background: transparent;
  color: inherit; font: inherit; font-size: 12px; line-height: 17px; cursor: pointer; white-space: nowrap;
}
.tl-chip[aria-pressed="true"] { background: var(--tl-border); font-weight: 600; }
.tl-browse-list { max-height: 320px; overflow: auto; display: flex; flex-direction: column; gap: 8px; }
.tl-browse-group-heading { margin: 0 0 2px; font-size: 12px; line-height: 17px; font-weight: 650; color: var(--tl-muted); }
.tl-browse-people { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; }
.tl-browse-person {
  width: 100%; display: flex; justify-content: space-between; gap: 8px; padding: 4px 8px; border: 0; border-radius: 6px;
  background: transparent; color: inherit; font: inherit; text-align: start; cursor: pointer;
}
.tl-browse-person:hover, .tl-browse-person:focus-visible { background: var(--tl-border); }
.tl-browse-name { font-weight: 600; white-space: nowrap; }
.tl-browse-role { font-size: 12px; line-height: 20px; color: var(--tl-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
`;
