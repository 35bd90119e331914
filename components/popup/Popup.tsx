import { useEffect, useState } from 'preact/hooks';
import { backgroundMessenger, tabMessenger } from '@/utils/messaging';
import { targetTabId } from '@/utils/active-tab';
import type { MentionsReport } from '@/utils/page/mentions-report';
import { t } from '@/utils/i18n';

/** The toolbar popup. Skeleton: shows that the background and the page's content script answer. */
export function Popup() {
  const [version, setVersion] = useState<string | null>(null);
  const [report, setReport] = useState<MentionsReport | null>(null);
  useEffect(() => {
    backgroundMessenger.sendMessage('ping', undefined).then((r) => setVersion(r.version));
    targetTabId()
      .then((tabId) => (tabId === undefined ? null : tabMessenger.sendMessage('listMentions', undefined, tabId)))
      .then(setReport, () => setReport(null));
  }, []);
  return (
    <main>
      <h1>{t('extName')}</h1>
      <p data-testid="background-status">{version ? `v${version}` : '…'}</p>
      <p data-testid="page-host">{report?.host ?? ''}</p>
    </main>
  );
}
