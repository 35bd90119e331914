/**
 * What the context menu hands to the add form: the selection and its page. Kept in
 * storage.session under a random key that only the form's URL carries, so the selected
 * text never enters the browser's history or any page, and is gone with the session.
 */
export interface AddRequest {
  mode: 'track' | 'source';
  selection: string;
  url: string;
  title: string;
}

const PREFIX = 'addRequest:';

export async function putAddRequest(request: AddRequest): Promise<string> {
  const id = crypto.randomUUID();
  await browser.storage.session.set({ [PREFIX + id]: request });
  return id;
}

/** The request once (it is removed as it is read); null for an unknown or malformed one. */
export async function takeAddRequest(id: string): Promise<AddRequest | null> {
  const key = PREFIX + id;
  const stored = (await browser.storage.session.get(key))[key] as Partial<AddRequest> | undefined;
  await browser.storage.session.remove(key);
  if (!stored || (stored.mode !== 'track' && stored.mode !== 'source')) return null;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return { mode: stored.mode, selection: text(stored.selection), url: text(stored.url), title: text(stored.title) };
}
