import { onlyTrusted } from '@/content/trusted';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

/** How long "Citation copied." stays before the button is alone again. */
const COPIED_MS = 4000;

type CopyState = { status: 'idle' } | { status: 'copied' } | { status: 'manual' };

/**
 * "Copy citation": writes `text` (utils/citation.ts) to the clipboard on a trusted click only,
 * so a page's synthetic click cannot overwrite the reader's clipboard through us. The async
 * clipboard API fires no copy event the page could rewrite. Where the page's context offers no
 * clipboard (an http page) or refuses, the citation is shown selected so the reader can copy it.
 */
export function CopyCitation({ text }: { text: () => string }) {
  const [state, setState] = useState<CopyState>({ status: 'idle' });
  const manual = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (state.status === 'manual') manual.current?.select();
    if (state.status !== 'copied') return;
    const timer = setTimeout(() => setState({ status: 'idle' }), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = onlyTrusted(() => {
    const citation = text();
    const clipboard = globalThis.navigator?.clipboard;
    if (!clipboard) {
      setState({ status: 'manual' });
      return;
    }
    clipboard.writeText(citation).then(
      () => setState({ status: 'copied' }),
      () => setState({ status: 'manual' }),
    );
  });

  return (
    <div class="tl-copy">
      <button
        type="button"
        class="tl-link-button tl-small"
        aria-label={t('cardCopyCitationLabel')}
        data-testid="copy-citation"
        onClick={copy}
      >
        {t('cardCopyCitation')}
      </button>
      <span class="tl-muted tl-small" role="status" data-testid="citation-status">
        {state.status === 'copied' ? t('cardCitationCopied') : state.status === 'manual' ? t('cardCitationCopyFailed') : ''}
      </span>
      {state.status === 'manual' && (
        <textarea ref={manual} class="tl-citation-text" readOnly rows={4} value={text()} data-testid="citation-text" />
      )}
    </div>
  );
}
