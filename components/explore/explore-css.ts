import { INFO_PAGE_CSS } from '@/components/pages/info-page-css';

/** Explore: the reading pages' styles, on a wider column for the picture. */
export const EXPLORE_CSS =
  INFO_PAGE_CSS +
  `
.tl-explore { box-sizing: border-box; max-width: 1280px; min-height: 100vh; margin: 0 auto; padding: 24px 24px 48px; display: flex; flex-direction: column; gap: 16px; }
.tl-explore h1 { margin: 0 0 4px; font-size: 26px; line-height: 32px; font-weight: 650; }
.tl-explore h2 { margin: 0 0 8px; font-size: 16px; line-height: 22px; font-weight: 650; }
.tl-explore p { margin: 0; }
.tl-explore-filters { display: flex; flex-wrap: wrap; gap: 12px 20px; }
.tl-explore-filters label, .tl-explore-sort { display: flex; flex-direction: column; gap: 4px; font-size: 13px; line-height: 18px; color: var(--tl-muted); }
.tl-explore select {
  min-width: 160px; padding: 5px 8px; font: inherit; font-size: 14px; color: var(--tl-fg);
  background: var(--tl-bg); border: 1px solid var(--tl-border); border-radius: 6px;
}
.tl-explore-toolbar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 12px; }
.tl-explore-views { display: flex; gap: 6px; }
.tl-explore .tl-button { color: var(--tl-fg); }
.tl-explore .tl-button[aria-pressed="true"] { background: var(--tl-fg); color: var(--tl-bg); border-color: var(--tl-fg); }
.tl-explore-legend { display: flex; align-items: center; gap: 8px; margin-bottom: 8px; }
.tl-explore-picture { overflow-x: auto; border: 1px solid var(--tl-border); border-radius: 8px; }
.tl-explore-picture svg { display: block; }
.tl-explore-picture path[role="button"]:focus-visible { outline: none; }
.tl-explore-actions { display: flex; gap: 8px; margin: 8px 0; }
.tl-explore-details { padding: 12px 16px; border: 1px solid var(--tl-border); border-radius: 8px; }
.tl-explore-details h2:focus { outline: none; }
.tl-explore-moves { list-style: none; margin: 0; padding: 0; }
.tl-explore-moves > li { padding: 8px 0; border-top: 1px solid var(--tl-border); }
.tl-explore-sources { margin: 4px 0 0; padding-inline-start: 20px; font-size: 13px; line-height: 18px; }
.tl-explore-quote { margin: 2px 0 4px; padding-inline-start: 8px; border-inline-start: 3px solid var(--tl-rule); }
.tl-explore-badge {
  display: inline-block; margin-inline-start: 8px; padding: 0 6px; border: 1px dashed var(--tl-warn-border); border-radius: 4px;
  background: var(--tl-warn-bg); color: var(--tl-warn-fg); font-size: 12px; line-height: 18px;
}
.tl-explore-dispute { margin-top: 6px; font-size: 13px; line-height: 18px; }
.tl-explore-dispute summary { cursor: pointer; color: var(--tl-accent); }
.tl-explore-dispute ol { margin: 4px 0; }
.tl-explore-timeline { overflow-x: auto; border: 1px solid var(--tl-border); border-radius: 8px; }
.tl-explore-timeline-axis { position: relative; height: 24px; border-bottom: 1px solid var(--tl-border); font-size: 12px; color: var(--tl-muted); }
.tl-explore-timeline-axis span { position: absolute; top: 3px; padding-inline-start: 4px; box-sizing: border-box; border-inline-start: 1px solid var(--tl-border); }
.tl-explore-timeline-scroll { overflow-y: auto; overflow-x: hidden; }
.tl-explore-lanes { position: relative; list-style: none; margin: 0; padding: 0; }
.tl-explore-lane { position: absolute; left: 0; right: 0; height: 32px; border-bottom: 1px solid var(--tl-border); }
.tl-explore-lane-name { position: absolute; left: 8px; top: 6px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.tl-explore-mark { position: absolute; top: 10px; height: 12px; border-radius: 3px; opacity: 0.85; }
.tl-explore-mark-disputed { background-image: repeating-linear-gradient(90deg, transparent 0 5px, var(--tl-bg) 5px 8px); outline: 1px dashed var(--tl-fg); }
.tl-explore-undated { position: absolute; top: 6px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font-size: 12px; color: var(--tl-muted); font-style: italic; }
.tl-explore-table-wrap { overflow-x: auto; }
.tl-explore-table { border-collapse: collapse; width: 100%; font-size: 13px; line-height: 18px; }
.tl-explore-table th, .tl-explore-table td { padding: 4px 8px; border-bottom: 1px solid var(--tl-border); text-align: start; vertical-align: top; }
.tl-explore-table thead th { position: sticky; top: 0; background: var(--tl-bg); }
`;
