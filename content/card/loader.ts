/**
 * The card's code (Preact, the card's components and stylesheet, hover intent
 * and positioning: about a third of the content script) is a script of its
 * own, card-ui.js (entrypoints/card-ui.ts). Every page pays for evaluating
 * the content script; only a page with a mention needs the card, so the
 * content script imports card-ui.js once the first scan has drawn a mark (in
 * idle time, before any hover), and a page that names nobody never loads it.
 *
 * A content script's dynamic import() runs the module in the content
 * script's own world, in Chrome and in Firefox (both checked): the page
 * cannot see what it registers. card-ui.js is web-accessible for that import,
 * as note-frame.html is for the notes frame (see wxt.config.ts).
 */
import type { CardControllerOptions } from './host';
import type { CardController, MentionTarget } from './mention-target';
import { logError } from '@/utils/log';
import type { UiLanguage } from '@/utils/i18n-catalogue';
import type { Catalogue } from '@/utils/traditional-locale';

/** Where the build puts entrypoints/card-ui.ts. */
export const CARD_UI_PATH = '/card-ui.js' as const;

/** What card-ui.js hands the content script. */
export interface CardUi {
  createCardController(options?: CardControllerOptions): CardController;
  /** The reader's UI language for the card's text (content/card/card-language.ts). */
  useUiLanguage(language: UiLanguage, catalogue: Catalogue | null): void;
}

/** The content-script-world global card-ui.js registers itself under (an imported script has no other way back). */
const CARD_UI_KEY = '__talentLensCardUi';

/** Called by card-ui.js as it runs. */
export function registerCardUi(ui: CardUi): void {
  (globalThis as Record<string, unknown>)[CARD_UI_KEY] = ui;
}

/** Runs card-ui.js (from its extension URL) and returns what it registered. */
export async function importCardUi(url: string): Promise<CardUi> {
  await import(/* @vite-ignore */ url);
  const ui = (globalThis as Record<string, unknown>)[CARD_UI_KEY] as CardUi | undefined;
  if (!ui || typeof ui.createCardController !== 'function') throw new Error(`${url} ran but registered no card`);
  return ui;
}

/** What the page asked of the card while its code was still loading; only the latest request counts. */
type Intent = { kind: 'enter'; target: MentionTarget } | { kind: 'open'; target: MentionTarget; viaKeyboard: boolean } | null;

/**
 * A CardController that starts loading the real one when it is made and
 * forwards every call once it has it. Until then it keeps the latest request
 * (pointer on a mention, or open) and replays it on arrival; a pointerLeave or
 * close before that cancels it. If loading fails the card stays off on this
 * page, with one console error, and the marks keep working.
 */
export function lazyCardController(load: () => Promise<CardController>): CardController {
  let real: CardController | null = null;
  let intent: Intent = null;
  let destroyed = false;

  load().then(
    (controller) => {
      if (destroyed) {
        controller.destroy();
        return;
      }
      real = controller;
      const request = intent;
      intent = null;
      if (request?.kind === 'enter') controller.pointerEnter(request.target);
      else if (request?.kind === 'open') controller.open(request.target, { viaKeyboard: request.viaKeyboard });
    },
    (error: unknown) => {
      if (!destroyed) logError('the card could not be loaded; marks stay, cards are off on this page', error);
      intent = null;
    },
  );

  return {
    pointerEnter(target) {
      if (real) real.pointerEnter(target);
      else if (!destroyed) intent = { kind: 'enter', target };
    },
    pointerLeave() {
      if (real) real.pointerLeave();
      else if (intent?.kind === 'enter') intent = null;
    },
    open(target, options) {
      if (real) real.open(target, options);
      else if (!destroyed) intent = { kind: 'open', target, viaKeyboard: options.viaKeyboard };
    },
    close() {
      if (real) real.close();
      else intent = null;
    },
    destroy() {
      destroyed = true;
      intent = null;
      real?.destroy();
      real = null;
    },
  };
}
