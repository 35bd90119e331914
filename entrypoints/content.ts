import aliasIndex from '@/data/generated/alias-index.json';
import type { AliasIndex } from '@/data/schema';
import { createMatcher, createPrefilter, type Matcher } from '@/utils/match/matcher';
import { backgroundMessenger } from '@/utils/messaging';
import { DEFAULT_SETTINGS, loadSettings, siteKey, watchSettings, type Settings } from '@/utils/settings';
import type { MarkStyle } from '@/utils/mark-style';
import { setCatalogue, t } from '@/utils/i18n';
import type { UiLanguage } from '@/utils/i18n-catalogue';
import type { Catalogue } from '@/utils/traditional-locale';
import { UiLanguageFollower } from '@/content/ui-language';
import { Annotator, type AnnotatorHost } from '@/content/annotator';
import { CARD_UI_PATH, importCardUi, lazyCardController, type CardUi } from '@/content/card/loader';
import { hoverTimingsFor } from '@/content/card/hover-intent';
import { whenIdle } from '@/content/scheduling';
import { createLifetime } from '@/content/lifetime';
import { PERF_MARKS, perfMark } from '@/content/perf-marks';
import { userPeopleLayer } from '@/content/user-people';
import { isTopFrame, pageSiteKey, whenWorthReading } from '@/content/frame-gate';
import { SiteSwitch } from '@/content/site-switch';
import { registerTabRequests } from '@/content/tab-requests';
import { hasReadersFocus } from '@/content/navigation/reader-focus';
import type { Direction } from '@/content/navigation/mention-order';
// How marks look. WXT lists it in the manifest, so the browser adds it before the page's first
// style pass (see the file's comment).
import '@/assets/marks.css';
import { logError } from '@/utils/log';

/** How long the first scan waits for the page to go idle at most. */
const IDLE_TIMEOUT_MS = 2000;

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // Every frame marks its own text: embedded posts, web mail and newsletter readers, documentation
  // frames, and the about:blank, srcdoc and blob: frames a page's scripts write (those by the origin of
  // the page that made them). Tiny frames are not read (content/frame-gate.ts).
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  // WXT tells an older copy of this script (after an update) to stop with a DOM event; its extra
  // window.postMessage would reach every page's own message listeners, and costs ~3 ms at start.
  noScriptStartedPostMessage: true,
  // WXT's ctx is not used: any page can end it with a forged DOM event (see content/lifetime.ts).
  main() {
    perfMark(PERF_MARKS.start);
    // Ends only when the extension's context is gone, checked the way WXT checks it.
    const lifetime = createLifetime(() => browser.runtime?.id != null);
    const host: AnnotatorHost = {
      setTimeout: (handler, ms) => lifetime.setTimeout(handler, ms),
      clearTimeout: (handle) => lifetime.clearTimeout(handle),
      listen: (target: EventTarget, type: string, handler: (event: never) => void, options?: AddEventListenerOptions) =>
        lifetime.listen(target, type, handler as (event: Event) => void, options),
      get alive() {
        return lifetime.alive;
      },
      text: (key, substitutions) => t(key, substitutions),
    };
    const stepAcrossFrames = (direction: Direction) => backgroundMessenger.sendMessage('stepAcrossFrames', { direction });
    // Built on first use, once per page: a site with marking switched off never pays for matching,
    // and a page that names nobody never builds the exact matcher (the prefilter tells it so).
    let annotator: Annotator | null = null;
    // The reader's mark style and card delay (Settings), followed live like the switches.
    let settings: Settings = DEFAULT_SETTINGS;
    const markStyle = (): MarkStyle => ({ scope: settings.markScope, look: settings.markLook });
    // The UI language chosen in Settings, for the card and our announcements: asked of the
    // background once the page has a mention (the card is wanted), then at each change.
    let cardUi: CardUi | null = null;
    let cardWanted = false;
    let uiLanguage: [UiLanguage, Catalogue | null] = ['browser', null];
    const language = new UiLanguageFollower(
      (wanted) => backgroundMessenger.sendMessage('getUiCatalogue', { language: wanted }),
      (chosen, catalogue) => {
        uiLanguage = [chosen, catalogue];
        setCatalogue(catalogue);
        cardUi?.useUiLanguage(chosen, catalogue);
      },
    );
    // The reader's own people, laid over the bundled index (content/user-people.ts).
    const people = userPeopleLayer(aliasIndex as AliasIndex);
    const annotatorFor = () => {
      if (annotator) return annotator;
      const index = people.index();
      const tables = people.tables();
      const prefilter = createPrefilter(index);
      let matcher: Matcher | null = null;
      return (annotator = new Annotator({
        index,
        prefilter,
        matcher: () => (matcher ??= createMatcher(index, tables ? { prefilter, tables } : { prefilter })),
        markStyle: markStyle(),
        createController: () =>
          lazyCardController(async () => {
            cardWanted = true;
            perfMark(PERF_MARKS.cardUiLoadStart);
            const languageReady = language.follow(settings.language);
            const ui = await importCardUi(browser.runtime.getURL(CARD_UI_PATH));
            await languageReady;
            ui.useUiLanguage(...uiLanguage);
            cardUi = ui;
            const controller = ui.createCardController({
              // The mark goes at once; the choice is kept for this site by the background, which takes the site from us, not from the page.
              notThisPerson: (rejection) => {
                annotator?.reject(rejection);
                return backgroundMessenger.sendMessage('addRejection', rejection).then((result) => {
                  if (!result.ok) throw new Error(result.message);
                });
              },
              hoverTimings: () => hoverTimingsFor(settings.cardDelayMs),
            });
            perfMark(PERF_MARKS.cardUiLoaded);
            return controller;
          }),
        loadRejections: () => backgroundMessenger.sendMessage('listSiteRejections', undefined),
        host,
        // The popup and the shortcut reach a child frame only once it said it has marks.
        ...(isTopFrame()
          ? {}
          : {
              firstMarked: () =>
                void backgroundMessenger
                  .sendMessage('frameHasMentions', undefined)
                  .catch((error) => logError('telling the background about a frame', error)),
            }),
        handOff: stepAcrossFrames,
      }));
    };
    let enabled = false;
    let ready = false;
    const siteSwitch = new SiteSwitch(pageSiteKey, isTopFrame() ? null : () => backgroundMessenger.sendMessage('readerSite', undefined));

    const apply = (on: boolean) => {
      enabled = on;
      if (!ready) return;
      try {
        if (on) annotatorFor().start();
        else annotator?.stop();
      } catch (error) {
        logError('switching marks failed', error);
      }
    };

    const removers = registerTabRequests({
      annotator: () => annotator,
      enabled: () => enabled,
      findOnly: () => people.findOnly(),
      pageSite: pageSiteKey,
      choicesSite: () => siteKey(location),
      hasReadersFocus,
      stepAcrossFrames,
    });
    lifetime.onEnded(() => {
      for (const remove of removers) remove();
      annotator?.destroy();
    });
    lifetime.onEnded(
      watchSettings((next) => {
        settings = next;
        annotator?.setMarkStyle(markStyle());
        if (cardWanted) void language.follow(next.language);
        void siteSwitch.follow(next, apply).catch((error) => logError('switching marks failed', error));
      }),
    );
    // A person saved or changed in another tab: marks follow at once, without a reload.
    lifetime.onEnded(
      people.watch(() => {
        annotator?.destroy();
        annotator = null;
        apply(enabled);
      }),
    );

    void (async () => {
      try {
        // A frame too small to hold an article reads nothing, not even the settings, until it grows.
        await whenWorthReading((target, type, handler, options) => lifetime.listen(target, type, handler, options));
        [settings] = await Promise.all([loadSettings(), people.load()]);
        // Through follow: a change of settings that comes meanwhile wins over this first answer.
        await siteSwitch.follow(settings, (on) => (enabled = on));
        await whenIdle(IDLE_TIMEOUT_MS, (fn, ms) => lifetime.setTimeout(fn, ms));
        if (!lifetime.alive) return;
        ready = true;
        apply(enabled);
      } catch (error) {
        logError('starting failed', error);
      }
    })();
  },
});
