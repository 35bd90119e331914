import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '@/utils/i18n';
import type { PersonAdditionRecord, UserAlias, UserFact, UserPersonRecord, Visibility } from '@/utils/people/records';
import { isUserPersonId } from '@/utils/people/records';
import type { AddPersonDeps } from './AddPersonPage';

export type EditPersonDeps = Pick<AddPersonDeps, 'bundled' | 'loadLayer' | 'defaultVisibility' | 'saveUserPerson' | 'saveAddition'>;

const KINDS: Record<UserAlias['kind'], MessageKey> = { full: 'peopleKindFull', surname: 'peopleKindSurname', given: 'peopleKindGiven' };

type Loaded = { kind: 'person'; record: UserPersonRecord } | { kind: 'addition'; record: PersonAdditionRecord; name: string };

/** The form's fields, from a stored record (also after a conflict: the stored version replaces the form's). */
function fieldsOf(loaded: Loaded) {
  const person = loaded.kind === 'person' ? loaded.record : null;
  return {
    name: person?.name.primary ?? '',
    other: person?.name.other ?? '',
    org: person?.org ?? '',
    role: person?.role ?? '',
    aliases: loaded.record.aliases,
    facts: loaded.record.facts,
    tags: loaded.record.tags.join(', '),
    visibility: loaded.record.visibility,
  };
}

/**
 * Editing one of the reader's people (`people.html?person=u-…`) or their layer over a bundled
 * person (`?person=<dataset id>`), from the notes page's Edit: names, the names looked for (each
 * removable, new ones with their kind), organization and role, tags, whether they are marked,
 * and the sourced facts (each removable). A save based on a version changed elsewhere is refused
 * by the store; the form then shows the stored version and says so.
 */
export function EditPersonPage({ personId, deps }: { personId: string; deps: EditPersonDeps }) {
  const [loaded, setLoaded] = useState<Loaded | null | undefined>(undefined);
  const [fields, setFields] = useState<ReturnType<typeof fieldsOf> | null>(null);
  const [defaultVisibility, setDefaultVisibility] = useState<Visibility>('mark');
  const [newAlias, setNewAlias] = useState('');
  const [newAliasKind, setNewAliasKind] = useState<UserAlias['kind']>('full');
  const [status, setStatus] = useState('');

  const bundledName = (id: string) => {
    const person = deps.bundled.people.find((p) => p.id === id);
    return person ? (person.zh ? `${person.en} · ${person.zh}` : person.en) : id;
  };

  const show = (next: Loaded | null) => {
    setLoaded(next);
    setFields(next ? fieldsOf(next) : null);
  };

  useEffect(() => {
    void deps.defaultVisibility().then(setDefaultVisibility);
    void deps.loadLayer().then(
      (layer) => {
        if (isUserPersonId(personId)) {
          const record = layer.people.find((p) => p.id === personId);
          show(record ? { kind: 'person', record } : null);
        } else {
          const record = layer.additions.find((a) => a.id === personId);
          show(record ? { kind: 'addition', record, name: bundledName(personId) } : null);
        }
      },
      () => show(null),
    );
  }, [deps, personId]);

  if (loaded === undefined) return null;
  if (!loaded || !fields) {
    return (
      <main class="tl-info-page">
        <h1>{t('peopleEditMissingTitle')}</h1>
        <p role="alert">{t('peopleEditMissing')}</p>
        <p>
          <a href="/notes.html#tl-own-people">{t('peopleBackToNotes')}</a>
        </p>
      </main>
    );
  }

  const title = loaded.kind === 'person' ? loaded.record.name.primary : loaded.name;
  document.title = t('peopleEditTitle', title);
  const set = (patch: Partial<typeof fields>) => setFields({ ...fields, ...patch });

  const addAlias = () => {
    const text = newAlias.trim();
    if (!text || fields.aliases.some((a) => a.text === text)) return;
    set({ aliases: [...fields.aliases, { text, kind: newAliasKind }] });
    setNewAlias('');
  };

  const save = async (event: Event) => {
    event.preventDefault();
    const tags = [...new Set(fields.tags.split(/[,，]/).map((tag) => tag.trim().replace(/^#/, '')))].filter(Boolean);
    const common = {
      baseRevision: loaded.record.revision,
      facts: fields.facts,
      tags,
      ...(fields.visibility ? { visibility: fields.visibility } : {}),
    };
    const result =
      loaded.kind === 'person'
        ? await deps.saveUserPerson({
            id: loaded.record.id,
            name: { primary: fields.name.trim(), ...(fields.other.trim() ? { other: fields.other.trim() } : {}) },
            aliases: fields.aliases,
            ...(fields.org.trim() ? { org: fields.org.trim() } : {}),
            ...(fields.role.trim() ? { role: fields.role.trim() } : {}),
            ...common,
          })
        : await deps.saveAddition({ personId: loaded.record.id, aliases: fields.aliases, ...common });
    if (result.ok) {
      const record = result.record as UserPersonRecord & PersonAdditionRecord;
      show(loaded.kind === 'person' ? { kind: 'person', record } : { ...loaded, record });
      setStatus(t('peopleEditSaved'));
    } else if (result.reason === 'conflict') {
      const current = result.current as UserPersonRecord & PersonAdditionRecord;
      show(loaded.kind === 'person' ? { kind: 'person', record: current } : { ...loaded, record: current });
      setStatus(t('peopleEditConflict'));
    } else {
      setStatus(t('peopleSaveFailed', result.message));
    }
  };

  const visibility = fields.visibility ?? defaultVisibility;

  return (
    <main class="tl-info-page">
      <h1>{t('peopleEditTitle', title)}</h1>
      <p>
        <a href="/notes.html#tl-own-people">{t('peopleBackToNotes')}</a>
      </p>
      <form class="tl-people-form" onSubmit={save} data-testid="edit-person-form">
        {loaded.kind === 'person' && (
          <>
            <label>
              {t('peopleName')}
              <input value={fields.name} onInput={(e) => set({ name: e.currentTarget.value })} required />
            </label>
            <label>
              {t('peopleOtherName')}
              <input value={fields.other} onInput={(e) => set({ other: e.currentTarget.value })} />
            </label>
          </>
        )}
        <fieldset class="tl-choices">
          <legend>{t('peopleAliases')}</legend>
          {fields.aliases.length === 0 && <p class="tl-muted-note">{t('peopleNoAliases')}</p>}
          <ul class="tl-people-aliases">
            {fields.aliases.map((alias) => (
              <li key={alias.text} data-testid="edit-alias">
                <span lang={/\p{Script=Han}/u.test(alias.text) ? 'zh' : undefined}>{alias.text}</span>
                <span class="tl-muted-note"> · {t(KINDS[alias.kind])} </span>
                <button
                  type="button"
                  aria-label={t('peopleRemoveAliasLabel', alias.text)}
                  onClick={() => set({ aliases: fields.aliases.filter((a) => a.text !== alias.text) })}
                >
                  {t('peopleRemove')}
                </button>
              </li>
            ))}
          </ul>
          <div class="tl-people-new-alias">
            <label>
              {t('peopleNewAlias')}
              <input
                value={newAlias}
                onInput={(e) => setNewAlias(e.currentTarget.value)}
                onKeyDown={(e) => {
                  // Enter adds the name rather than submitting the whole form.
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addAlias();
                  }
                }}
              />
            </label>
            <label>
              {t('peopleNewAliasKind')}
              <select value={newAliasKind} onChange={(e) => setNewAliasKind(e.currentTarget.value as UserAlias['kind'])}>
                {(['full', 'surname', 'given'] as const).map((kind) => (
                  <option key={kind} value={kind}>
                    {t(KINDS[kind])}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={addAlias}>
              {t('peopleAddAlias')}
            </button>
          </div>
        </fieldset>
        {loaded.kind === 'person' && (
          <>
            <label>
              {t('peopleOrg')}
              <input value={fields.org} onInput={(e) => set({ org: e.currentTarget.value })} />
            </label>
            <label>
              {t('peopleRole')}
              <input value={fields.role} onInput={(e) => set({ role: e.currentTarget.value })} />
            </label>
          </>
        )}
        <label>
          {t('peopleTags')}
          <input value={fields.tags} onInput={(e) => set({ tags: e.currentTarget.value })} />
        </label>
        <fieldset class="tl-choices">
          <legend>{t('peopleVisibility')}</legend>
          {(['mark', 'find-only'] as const).map((choice) => (
            <label class="tl-choice" key={choice}>
              <input type="radio" name="visibility" checked={visibility === choice} onChange={() => set({ visibility: choice })} />
              {t(choice === 'mark' ? 'peopleVisibilityMark' : 'peopleVisibilityFindOnly')}
            </label>
          ))}
          <p class="tl-muted-note">{t('peopleVisibilityExplain')}</p>
        </fieldset>
        {fields.facts.length > 0 && (
          <fieldset class="tl-choices">
            <legend>{t('peopleFacts')}</legend>
            <ul class="tl-people-facts">
              {fields.facts.map((fact: UserFact) => (
                <li key={fact.id} data-testid="edit-fact">
                  <span>
                    {fact.text}
                    {fact.org ? ` · ${fact.org}` : ''}
                    {fact.when ? ` (${fact.when})` : ''}
                  </span>
                  {fact.source?.quote && <blockquote class="tl-people-quote">{fact.source.quote}</blockquote>}
                  <button
                    type="button"
                    aria-label={t('peopleRemoveFactLabel', fact.text)}
                    onClick={() => set({ facts: fields.facts.filter((f) => f.id !== fact.id) })}
                  >
                    {t('peopleRemove')}
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <button type="submit">{t('peopleSave')}</button>
        <p role="status">{status}</p>
      </form>
    </main>
  );
}
