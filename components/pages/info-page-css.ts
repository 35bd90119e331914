import { EXTENSION_PAGE_CSS } from '@/components/popup/page-css';

/** The reading pages (welcome, about the data, settings): one centred column on the shared extension-page styles. */
export const INFO_PAGE_CSS =
  EXTENSION_PAGE_CSS +
  `
.tl-info-page { box-sizing: border-box; max-width: 760px; min-height: 100vh; margin: 0 auto; padding: 24px 24px 48px; display: flex; flex-direction: column; gap: 20px; }
.tl-info-page h1 { margin: 0; font-size: 26px; line-height: 32px; font-weight: 650; }
.tl-info-page h2 { margin: 0 0 8px; font-size: 18px; line-height: 24px; font-weight: 650; }
.tl-info-page h3 { margin: 0 0 4px; font-size: 14px; line-height: 20px; font-weight: 650; }
.tl-info-page p, .tl-info-page li { margin: 0 0 8px; font-size: 14px; line-height: 22px; }
.tl-info-page ul, .tl-info-page ol { margin: 0; padding-inline-start: 20px; }
.tl-info-lead { font-size: 16px; line-height: 24px; }
.tl-page-nav { display: flex; flex-wrap: wrap; gap: 16px; font-size: 13px; line-height: 18px; }
.tl-info-page kbd {
  display: inline-block; padding: 0 6px; border: 1px solid var(--tl-border); border-bottom-width: 2px; border-radius: 4px;
  font: 12px/18px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
.tl-shortcuts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0; }
.tl-shortcuts dt, .tl-shortcuts dd { margin: 0; line-height: 22px; }
.tl-sample { padding: 12px 16px; border: 1px solid var(--tl-border); border-radius: 8px; font-size: 15px; line-height: 26px; }
.tl-sample-name {
  padding: 0 1px; border: 0; border-bottom: 2px solid var(--tl-accent); border-radius: 0;
  background: transparent; color: inherit; font: inherit; cursor: pointer;
}
.tl-sample-name[aria-expanded="true"] { background: var(--tl-border); }
.tl-sample-card { margin-top: 12px; padding: 12px 16px; border: 1px solid var(--tl-border); border-radius: 8px; }
.tl-muted-note { color: var(--tl-muted); font-size: 13px; line-height: 18px; }
.tl-source { padding: 8px 0; border-bottom: 1px solid var(--tl-border); }
.tl-source-meta { color: var(--tl-muted); font-size: 13px; line-height: 18px; }
.tl-org-group { margin-bottom: 12px; }
.tl-choices { border: 0; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.tl-choices legend { padding: 0; margin-bottom: 6px; font-size: 18px; line-height: 24px; font-weight: 650; }
.tl-choice { display: flex; align-items: center; gap: 8px; font-size: 14px; line-height: 20px; }
`;
