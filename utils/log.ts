/**
 * The extension's console output, with one prefix, so that a reader of a page's console (or a bug
 * report) can tell our messages from the page's.
 */
const PREFIX = '[talent-lens]';

/** Something we tried failed; `what` says what, in words ("loading notes failed"). */
export function logError(what: string, cause?: unknown): void {
  console.error(`${PREFIX} ${what}`, cause);
}

/** An expected miss worth a trace (a page our content script cannot reach). */
export function logInfo(what: string, cause?: unknown): void {
  console.info(`${PREFIX} ${what}`, cause);
}
