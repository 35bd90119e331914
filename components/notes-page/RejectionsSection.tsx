import { useEffect, useState } from 'preact/hooks';
import type { RejectionRecord } from '@/utils/notes/rejections';
import { t } from '@/utils/i18n';
import type { CardLang } from '@/components/card/text';

/** How the notes page reaches the "Not this person" records (the background's listRejections / deleteRejection). */
export interface RejectionsClient {
  list(): Promise<RejectionRecord[]>;
  /** Undo: forgets the choice; the background tells the site's open tabs to mark it again. */
  remove(id: string): Promise<RejectionRecord | null>;
}

/**
 * "Not this person": every choice, by site, alias, person and date, each with Undo. The list is read
 * when the page opens; an undo takes the row out once the background has forgotten it.
 */
export function RejectionsSection({
  client,
  personName,
  lang,
}: {
  client: RejectionsClient;
  personName: (personId: string) => string;
  lang: CardLang;
}) {
  const [records, setRecords] = useState<RejectionRecord[] | null>(null);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    client.list().then(setRecords, (cause: unknown) => {
      setRecords([]);
      setStatus({ kind: 'error', text: t('notesRejectionsFailed', cause instanceof Error ? cause.message : String(cause)) });
    });
  }, [client]);

  const date = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'medium' });

  async function undo(record: RejectionRecord) {
    setStatus(null);
    try {
      await client.remove(record.id);
      setRecords((list) => (list ?? []).filter((r) => r.id !== record.id));
      setStatus({ kind: 'ok', text: t('notesRejectionUndone', [record.aliasText, personName(record.personId), record.site]) });
    } catch (cause) {
      setStatus({ kind: 'error', text: t('notesRejectionsFailed', cause instanceof Error ? cause.message : String(cause)) });
    }
  }

  return (
    <section class="tl-rejections" aria-labelledby="tl-rejections-heading" data-testid="rejections">
      <h2 id="tl-rejections-heading" class="tl-notes-heading">
        {t('notesRejectionsHeading')}
      </h2>
      <p class="tl-muted tl-small">{t('notesRejectionsIntro')}</p>
      <div aria-live="polite">
        {status && (
          <p
            class={status.kind === 'error' ? 'tl-status-line tl-error' : 'tl-status-line'}
            role={status.kind === 'error' ? 'alert' : 'status'}
            data-testid="rejections-status"
          >
            {status.text}
          </p>
        )}
      </div>
      {records && records.length === 0 && <p class="tl-muted tl-small">{t('notesRejectionsEmpty')}</p>}
      {records && records.length > 0 && (
        <table class="tl-rejections-table">
          <thead>
            <tr>
              <th scope="col">{t('notesRejectionSite')}</th>
              <th scope="col">{t('notesRejectionAlias')}</th>
              <th scope="col">{t('notesRejectionPerson')}</th>
              <th scope="col">{t('notesRejectionDate')}</th>
              <th scope="col">
                <span class="tl-visually-hidden">{t('notesRejectionUndo')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr key={record.id} data-testid="rejection" data-person-id={record.personId}>
                <td>{record.site}</td>
                <td>{record.aliasText}</td>
                <td>{personName(record.personId)}</td>
                <td>{date.format(record.createdAt)}</td>
                <td>
                  <button
                    type="button"
                    class="tl-button"
                    data-testid="rejection-undo"
                    aria-label={t('notesRejectionUndoLabel', [record.aliasText, personName(record.personId), record.site])}
                    onClick={() => void undo(record)}
                  >
                    {t('notesRejectionUndo')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
