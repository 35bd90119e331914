/**
 * The extension's own pages that other contexts ask the background to open
 * (utils/messaging.ts, `openExtensionPage`), and the address of each. Pure.
 */

/**
 * `popup` is the card's "Open in popup": the popup's 380 px layout stuck to a tab's top-left
 * corner looked broken, so it opens the notes page's full-page person view instead. The name
 * stays because the card (content/card/host.ts) sends it.
 */
export type ExtensionPageTarget = 'popup' | 'notes' | 'welcome' | 'about' | 'options' | 'explore' | 'people';

/** The path (for runtime.getURL) of a page, with the person to show when one is given. */
export function extensionPagePath(page: ExtensionPageTarget, personId?: string): string {
  const person = personId ? encodeURIComponent(personId) : '';
  switch (page) {
    case 'popup':
      return person ? `/notes.html?view=person&person=${person}` : '/popup.html';
    case 'notes':
      return person ? `/notes.html?person=${person}` : '/notes.html';
    default:
      return `/${page}.html`;
  }
}

/** What notes.html was asked to show: every note (with a person opened), or one person's page. */
export type NotesView = { view: 'all'; personId?: string } | { view: 'person'; personId: string };

export function notesViewOf(search: string): NotesView {
  const params = new URLSearchParams(search);
  const personId = params.get('person') || undefined;
  if (params.get('view') === 'person' && personId) return { view: 'person', personId };
  return personId ? { view: 'all', personId } : { view: 'all' };
}

/** The welcome page is for a first install only: not on an update of ours nor of the browser. */
export function opensWelcome(details: { reason: string }): boolean {
  return details.reason === 'install';
}
