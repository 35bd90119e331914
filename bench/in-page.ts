/**
 * Scripts that run inside benchmark pages. Kept as source strings so the
 * TypeScript loader's helpers never leak into the page's world.
 */

/**
 * Registered with context.addInitScript, so it runs in the page before any
 * of the page's own scripts and before the content script: collects long
 * tasks and user-timing marks, and records when the pointer first moves after
 * the harness arms it.
 */
export const INIT_SCRIPT = `(() => {
  const state = { longtasks: [], marks: [], pointer: null, armed: false, waiters: [], errors: [] };
  Object.defineProperty(window, '__tlBench', { value: state, enumerable: false });
  const settle = () => {
    state.waiters = state.waiters.filter((w) => {
      const found = state.marks.find((m) => m.name === w.name && m.startTime >= w.after);
      if (found) w.resolve(found.startTime);
      return !found;
    });
  };
  state.waitMark = (name, after = 0) => new Promise((resolve) => { state.waiters.push({ name, after, resolve }); settle(); });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { state.errors.push('longtask: ' + e); }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.marks.push({ name: e.name, startTime: e.startTime, detail: e.detail ?? null });
      settle();
    }).observe({ type: 'mark', buffered: true });
  } catch (e) { state.errors.push('mark: ' + e); }
  addEventListener('pointermove', (e) => { if (state.armed && state.pointer === null) state.pointer = e.timeStamp; }, true);
})();`;

/** Resolves with the mark's time once it is in the timeline, or null after timeoutMs. */
export const waitMark = (name: string, timeoutMs: number, after = 0): string => `Promise.race([
  window.__tlBench.waitMark(${JSON.stringify(name)}, ${after}),
  new Promise((r) => setTimeout(() => r(null), ${timeoutMs})),
])`;

/** Every mark seen, and every long task. */
export const COLLECT = `({
  marks: window.__tlBench.marks.slice(),
  longtasks: window.__tlBench.longtasks.slice(),
  errors: window.__tlBench.errors.slice(),
  pointer: window.__tlBench.pointer,
})`;

/** The floor: one TreeWalker pass that reads every text node's data. */
export const FLOOR = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let nodes = 0, chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes++; chars += n.data.length; }
  return { ms: performance.now() - t0, nodes, chars };
})()`;

/** How many DOM changes of the page's own {@link DOM_CHURN} times. */
export const CHURN_CHANGES = 2000;

/**
 * The page changing its own DOM: a text node added to its first paragraph and
 * removed, CHURN_CHANGES times, timed inside the page. What a page pays here on
 * top of the same loop without the extension is what our marks cost every
 * script of the page that touches the DOM: the browser updates every live
 * Range in the document on each change (content/marks/ranges.ts). Our own
 * MutationObserver runs after the loop, so it is not in the figure.
 */
export const DOM_CHURN = `(() => {
  const host = document.querySelector('p') || document.body;
  const t0 = performance.now();
  for (let i = 0; i < ${CHURN_CHANGES}; i++) {
    const text = document.createTextNode('x');
    host.appendChild(text);
    text.remove();
  }
  return performance.now() - t0;
})()`;

/**
 * Finds the `nth` (from 0) occurrence of the given names written whole inside one text node
 * (text the extension never marks, in form fields and code, left out), scrolls it into view and
 * returns the centre of its first line box. Past the last occurrence it counts on from the first.
 */
export const locateName = (names: string[], nth = 0): string => `(() => {
  const names = ${JSON.stringify(names)};
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement.closest('textarea, pre, code, script, style')) continue;
    for (const name of names) {
      for (let at = n.data.indexOf(name); at !== -1; at = n.data.indexOf(name, at + name.length)) found.push([n, at, name]);
    }
    if (found.length > ${nth}) break;
  }
  for (let i = 0; i < found.length; i++) {
    const [n, at, name] = found[(${nth} + i) % found.length];
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + name.length);
    n.parentElement.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0];
    if (!rect) continue;
    return { name, x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
})()`;

/** mark.js over the whole body with the alias list; resolves when its done callback fires. */
export const markJs = (aliases: string[], accuracy: 'exactly' | 'partially'): string => `new Promise((resolve) => {
  const t0 = performance.now();
  new Mark(document.body).mark(${JSON.stringify(aliases)}, {
    separateWordSearch: false,
    accuracy: ${JSON.stringify(accuracy)},
    diacritics: false,
    done: (marks) => resolve({ ms: performance.now() - t0, marks }),
  });
})`;
