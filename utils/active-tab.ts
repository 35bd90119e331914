/**
 * The tab the popup is about: `?tab=ID` when the popup was opened as a page
 * (from a card's "open" link, or by tests), else the active tab of its window.
 */
export async function targetTabId(search = location.search): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
