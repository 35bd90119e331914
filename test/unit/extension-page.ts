import { fakeBrowser } from 'wxt/testing';

/**
 * Puts a happy-dom test at one of the extension's own pages' addresses (happy-dom starts at
 * http://localhost:3000, which counts as a web page): settings are written only from the extension's
 * own origin (utils/settings.ts).
 */
export function atExtensionPage(path: `/${string}`): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(fakeBrowser.runtime.getURL(path));
}
