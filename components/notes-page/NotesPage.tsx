import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DatasetDetails, PersonRecord } from '@/data/schema';
import type { NoteRecord } from '@/utils/notes/records';
import { createNoteSearchIndex } from '@/utils/notes/search-index';
import { perfMark, PERF_MARKS } from '@/content/perf-marks';
import {
  exportToJson,
  IMPORT_LIMITS,
  notesToMarkdown,
  type ImportConflictReason,
  type ImportResult,
  type ImportSummary,
} from '@/utils/notes/import-export';
import { personCard } from '@/utils/dataset/person-card';
import { NoteList } from '@/components/notes/NoteList';
import { MovesTimeline } from '@/components/card/MovesTimeline';
import { cardLang, pick, type CardLang } from '@/components/card/text';
import { t, type MessageKey } from '@/utils/i18n';
import { PageNav } from '@/components/pages/PageNav';
import { defaultNotesPageDeps, type NotesPageDeps } from './notes-page-deps';
import { RejectionsSection } from './RejectionsSection';
import { SyncSection } from './SyncSection';
import { OwnPeopleSection } from './OwnPeopleSection';
import type { UserLayerSnapshot } from '@/utils/people/store';
import { logError } from '@/utils/log';

export interface NotesPageProps {
  details: DatasetDetails;
  deps?: NotesPageDeps;
  /** A person to open and scroll to (`?person=ID`, from the card's "all notes" link). */
  initialPersonId?: string;
}

/** Notes of an imported file that were deleted here, which the user may ask to bring back. */
type DeletedHereOffer = { fileText: string; ids: string[] };

type Message = { kind: 'ok' | 'error'; text: string; detail?: string; deletedHere?: DeletedHereOffer };

/** Past this many people, an import sentence names the first ones and counts the rest. */
const NAMED_PEOPLE = 5;

/** The sentence for `count` notes: browser.i18n has no plurals, so each has a message for one and for more. */
function counted(count: number, one: MessageKey, more: MessageKey, names = ''): string {
  return t(count === 1 ? one : more, [String(count), names]);
}

const conflictMessages: Record<ImportConflictReason, [one: MessageKey, more: MessageKey]> = {
  'edited-here': ['notesImportEditedHereOne', 'notesImportEditedHere'],
  'export-time-unknown': ['notesImportUndatedOne', 'notesImportUndated'],
  'other-person': ['notesImportOtherPersonOne', 'notesImportOtherPerson'],
};

/**
 * The localized report of an accepted import: what changed, then each note that
 * was kept as it is or not brought back, by the names of their people.
 */
export function importSummaryText(result: ImportSummary, personName: (personId: string) => string, lang: CardLang): string {
  const list = new Intl.ListFormat(lang === 'zh' ? 'zh-CN' : 'en', { type: 'conjunction' });
  const names = (personIds: string[]) => {
    const unique = [...new Set(personIds)].map(personName);
    const shown = unique.slice(0, NAMED_PEOPLE);
    if (unique.length > NAMED_PEOPLE) shown.push(t('notesImportOtherPeople', String(unique.length - NAMED_PEOPLE)));
    return list.format(shown);
  };
  const sentences = [t('notesImported', [String(result.added), String(result.updated), String(result.unchanged)])];
  if (result.restored > 0) sentences.push(counted(result.restored, 'notesImportRestoredOne', 'notesImportRestored'));
  for (const [reason, [one, more]] of Object.entries(conflictMessages) as Array<[ImportConflictReason, [MessageKey, MessageKey]]>) {
    const conflicts = result.conflicts.filter((conflict) => conflict.reason === reason);
    if (conflicts.length > 0) sentences.push(counted(conflicts.length, one, more, names(conflicts.map((c) => c.personId))));
  }
  if (result.deletedHere.length > 0) {
    sentences.push(
      counted(
        result.deletedHere.length,
        'notesImportDeletedHereOne',
        'notesImportDeletedHere',
        names(result.deletedHere.map((d) => d.personId)),
      ),
    );
  }
  // Chinese sentences run on after their full stop; English ones take a space.
  return sentences.join(lang === 'zh' ? '' : ' ');
}

/** A rejected import in words: the sentence the user reads, and the parser's own words for a "Details" disclosure. */
export interface ImportErrorMessage {
  text: string;
  detail?: string;
}

/**
 * The localized sentence for a rejected import. A file that is not JSON at all gets a
 * plain sentence (a CSV is named as such); the parser's message, which only helps
 * someone debugging a hand-made file, goes to `detail`.
 */
export function importErrorMessage(result: Extract<ImportResult, { ok: false }>): ImportErrorMessage {
  if (result.code === 'not-json') return { text: t('notesImportNotJson'), detail: result.detail };
  if (result.code === 'csv') return { text: t('notesImportCsv'), detail: result.detail };
  const reason = {
    'too-large': () => t('notesImportTooLarge', result.detail),
    'wrong-format': () => t('notesImportWrongFormat'),
    'wrong-version': () => t('notesImportWrongVersion', result.detail),
    'too-many': () => t('notesImportTooMany', result.detail),
    invalid: () => t('notesImportInvalid', result.detail),
    'unknown-people': () => t('notesImportUnknownPeople', result.detail),
    failed: () => t('notesImportFailed', result.detail),
  }[result.code]();
  return { text: t('notesImportRejected', reason) };
}

const today = () => new Date().toISOString().slice(0, 10);

/** Every note (searchable, editable, exportable, importable) and every person with their moves. */
export function NotesPage({ details, deps = defaultNotesPageDeps, initialPersonId }: NotesPageProps) {
  const lang = useMemo(() => cardLang(), []);
  const [query, setQuery] = useState('');
  const [notes, setNotes] = useState<NoteRecord[] | null>(null);
  const [complete, setComplete] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const people = useMemo(() => Object.values(details.people).sort((a, b) => a.name.en.localeCompare(b.name.en)), [details]);
  const bundledName = (id: string) => {
    const person = details.people[id];
    if (!person) return id;
    return lang === 'zh' && person.name.zh ? person.name.zh : person.name.en;
  };

  // The reader's own people: listed and managed here, and the names of their notes. Read again on any change, wherever it was made.
  const [layer, setLayer] = useState<UserLayerSnapshot | null>(null);
  const loadLayer = () =>
    deps.people.list().then(setLayer, (cause: unknown) => {
      logError('listing your people failed', cause);
      setLayer({ people: [], additions: [] });
    });
  useEffect(() => {
    void loadLayer();
    return deps.people.watch(() => void loadLayer());
  }, [deps]);
  const ownPerson = (id: string) => layer?.people.find((p) => p.id === id);
  const knownPerson = (id: string) => Boolean(details.people[id] ?? ownPerson(id));
  const name = (id: string) => ownPerson(id)?.name.primary ?? bundledName(id);

  // Each note's searchable text is made once (utils/notes/search-index.ts); a keystroke only scans those strings.
  const index = useMemo(
    () =>
      createNoteSearchIndex((id) => {
        const own = ownPerson(id);
        return own ? { en: own.name.primary, ...(own.name.other ? { zh: own.name.other } : {}) } : details.people[id]?.name;
      }),
    [details, layer],
  );
  const select = (list: readonly NoteRecord[]) => index.search(list, query);
  const allNotes = notes ?? [];
  const shownCount = select(allNotes).length;
  const notesPerPerson = useMemo(() => {
    const counts = new Map<string, number>();
    for (const note of allNotes) counts.set(note.personId, (counts.get(note.personId) ?? 0) + 1);
    return counts;
  }, [notes]);

  useEffect(() => {
    if (!notes || !complete) return;
    // After the list is painted, not before: the first render does not wait for 20,000 strings.
    const timer = setTimeout(() => index.prepare(notes), 0);
    return () => clearTimeout(timer);
  }, [notes, complete, index]);

  // For the benchmark (bench/notes.ts): when the list first shows with every note, and when a search's results are in the DOM.
  const listMarked = useRef(false);
  useLayoutEffect(() => {
    if (!notes || listMarked.current) return;
    listMarked.current = true;
    perfMark(PERF_MARKS.notesListRendered, { notes: notes.length });
  }, [notes]);
  const searched = useRef(query);
  useLayoutEffect(() => {
    if (searched.current === query) return;
    searched.current = query;
    perfMark(PERF_MARKS.notesSearchRendered, { shown: shownCount });
  }, [query]);

  async function exportAs(kind: 'json' | 'markdown') {
    setMessage(null);
    try {
      const data = await deps.exportNotes();
      if (kind === 'json') {
        deps.download(`talent-lens-notes-${today()}.json`, exportToJson(data), 'application/json');
      } else {
        const markdown = notesToMarkdown(data.notes, (id) => details.people[id]?.name, { exportedAt: new Date(data.exportedAt) });
        deps.download(`talent-lens-notes-${today()}.md`, markdown, 'text/markdown');
      }
      setMessage({ kind: 'ok', text: t('notesExported', String(data.notes.length)) });
    } catch (cause) {
      setMessage({ kind: 'error', text: t('notesExportFailed', cause instanceof Error ? cause.message : String(cause)) });
    }
  }

  /** Runs one import and reports it; the file's text is kept only while its deleted notes can still be brought back. */
  async function runImport(read: () => Promise<{ fileText: string; result: ImportResult }>) {
    setMessage(null);
    setBusy(true);
    try {
      const { fileText, result } = await read();
      if (result.ok) {
        const deletedIds = result.deletedHere.map((deleted) => deleted.id);
        setMessage({
          kind: 'ok',
          text: importSummaryText(result, name, lang),
          ...(deletedIds.length > 0 ? { deletedHere: { fileText, ids: deletedIds } } : {}),
        });
        setReloadKey((k) => k + 1);
      } else {
        setMessage({ kind: 'error', ...importErrorMessage(result) });
      }
    } catch (cause) {
      setMessage({
        kind: 'error',
        text: t('notesImportRejected', t('notesImportFailed', cause instanceof Error ? cause.message : String(cause))),
      });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  const importFile = (file: File) =>
    runImport(async () => {
      // Refuse a huge file before reading it into memory.
      if (file.size > IMPORT_LIMITS.maxBytes) {
        return {
          fileText: '',
          result: { ok: false, code: 'too-large', detail: String(IMPORT_LIMITS.maxBytes / 1024 / 1024), message: 'too large' },
        };
      }
      const fileText = await file.text();
      return { fileText, result: await deps.importNotes(fileText) };
    });

  /** The same file again, bringing back exactly the deleted notes the user was told about. */
  const bringBackDeleted = ({ fileText, ids }: DeletedHereOffer) =>
    runImport(async () => ({ fileText, result: await deps.importNotes(fileText, { restoreDeleted: ids }) }));

  const deletedHere = message?.deletedHere;

  return (
    <div class="tl-host tl-page">
      <div class="tl-app tl-notes-page">
        <a class="tl-skip" href="#tl-people">
          {t('notesSkipToPeople')}
        </a>
        <header class="tl-notes-header">
          <h1 class="tl-notes-title">{t('notesPageTitle')}</h1>
          <PageNav current="notes" />
          <div class="tl-toolbar">
            <button type="button" class="tl-button" data-testid="export-json" onClick={() => void exportAs('json')}>
              {t('notesExportJson')}
            </button>
            <button type="button" class="tl-button" data-testid="export-markdown" onClick={() => void exportAs('markdown')}>
              {t('notesExportMarkdown')}
            </button>
            <button type="button" class="tl-button" data-testid="import-button" disabled={busy} onClick={() => fileInput.current?.click()}>
              {t('notesImport')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              hidden
              data-testid="import-file"
              onChange={(event) => {
                const file = (event.currentTarget as HTMLInputElement).files?.[0];
                if (file) void importFile(file);
              }}
            />
          </div>
        </header>
        <div aria-live="polite" data-testid="notes-message">
          {message && (
            <p
              class={message.kind === 'error' ? 'tl-status-line tl-error' : 'tl-status-line'}
              role={message.kind === 'error' ? 'alert' : 'status'}
            >
              {message.text}
            </p>
          )}
          {message?.detail && (
            <details class="tl-error-detail" data-testid="notes-message-detail">
              <summary>{t('notesImportDetails')}</summary>
              <code>{message.detail}</code>
            </details>
          )}
          {deletedHere && (
            <button
              type="button"
              class="tl-button"
              data-testid="import-bring-back"
              disabled={busy}
              onClick={() => void bringBackDeleted(deletedHere)}
            >
              {counted(deletedHere.ids.length, 'notesImportBringBackOne', 'notesImportBringBack')}
            </button>
          )}
        </div>

        <main class="tl-notes-columns">
          <section class="tl-notes-all" aria-labelledby="tl-all-notes">
            <h2 id="tl-all-notes" class="tl-notes-heading">
              {t('notesAllHeading')}
            </h2>
            <input
              type="search"
              aria-label={t('notesSearchLabel')}
              placeholder={t('notesSearchPlaceholder')}
              value={query}
              data-testid="notes-search"
              onInput={(event) => setQuery((event.currentTarget as HTMLInputElement).value)}
            />
            <p class="tl-status-line tl-muted" data-testid="notes-count">
              {complete || !notes ? t('notesCount', [String(shownCount), String(allNotes.length)]) : t('notesLoadingAll')}
            </p>
            <NoteList
              client={deps.notes}
              select={select}
              reloadKey={reloadKey}
              onNotesChange={(loaded, all) => (setNotes(loaded), setComplete(all))}
              heading={(note) => (
                <h3 class="tl-note-person">
                  {ownPerson(note.personId) ? (
                    <a href="#tl-own-people">{name(note.personId)}</a>
                  ) : (
                    <a href={`#person-${note.personId}`}>{knownPerson(note.personId) ? name(note.personId) : t('notesDeletedPerson')}</a>
                  )}
                </h3>
              )}
            />
          </section>

          <div class="tl-notes-side">
            <OwnPeopleSection
              client={deps.people}
              layer={layer}
              bundledName={bundledName}
              noteCount={(id) => notesPerPerson.get(id) ?? 0}
              onChanged={loadLayer}
            />
            <section id="tl-people" class="tl-people tl-embedded" aria-labelledby="tl-people-heading" tabIndex={-1}>
              <h2 id="tl-people-heading" class="tl-notes-heading">
                {t('notesPeopleHeading')}
              </h2>
              <ul class="tl-people-list">
                {people.map((person) => (
                  <PersonEntry
                    key={person.id}
                    person={person}
                    details={details}
                    lang={lang}
                    noteCount={notesPerPerson.get(person.id) ?? 0}
                    initiallyOpen={person.id === initialPersonId}
                  />
                ))}
              </ul>
            </section>
          </div>
        </main>
        <RejectionsSection client={deps.rejections} personName={name} lang={lang} />
        <SyncSection personName={name} />
      </div>
    </div>
  );
}

function PersonEntry({
  person,
  details,
  lang,
  noteCount,
  initiallyOpen,
}: {
  person: PersonRecord;
  details: DatasetDetails;
  lang: CardLang;
  noteCount: number;
  initiallyOpen: boolean;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const card = useMemo(() => personCard(details, person.id), [details, person.id]);
  const org = person.org ? details.organizations[person.org] : undefined;

  useEffect(() => {
    const open = () => {
      if (location.hash === `#person-${person.id}` && ref.current) ref.current.open = true;
    };
    open();
    if (initiallyOpen && ref.current) {
      ref.current.open = true;
      ref.current.scrollIntoView({ block: 'start' });
    }
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [person.id, initiallyOpen]);

  return (
    <li>
      <details ref={ref} id={`person-${person.id}`} class="tl-person-entry" data-testid="person-entry" data-person-id={person.id}>
        <summary>
          <span class="tl-person-entry-name">{lang === 'zh' && person.name.zh ? person.name.zh : person.name.en}</span>
          {person.name.zh && <span class="tl-muted"> {lang === 'zh' ? person.name.en : person.name.zh}</span>}
          <span class="tl-muted tl-small">
            {' · '}
            {noteCount > 0 ? t('notesPersonNoteCount', String(noteCount)) : t('notesNoPeopleNotes')}
          </span>
        </summary>
        <div class="tl-person-entry-body">
          <p class="tl-role">
            {pick(person.role, lang)}
            {org ? ` · ${pick(org.name, lang)}` : ''}
          </p>
          {card && person.moves.length > 0 ? (
            <MovesTimeline card={card} lang={lang} />
          ) : (
            <p class="tl-muted tl-small">{t('notesNoMoves')}</p>
          )}
        </div>
      </details>
    </li>
  );
}
