import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AliasIndex } from '@/data/schema';
import { t, type MessageKey } from '@/utils/i18n';
import type { AddRequest } from '@/utils/people/add-request';
import type { SavePeopleResult, UserAlias, UserFact, Visibility } from '@/utils/people/records';
import type { UserLayerSnapshot } from '@/utils/people/store';
import { findExistingPerson, suggestAliases, type AliasSuggestion, type ScriptConverters } from '@/utils/people/suggestions';

export interface AddPersonDeps {
  bundled: Pick<AliasIndex, 'people' | 'aliases' | 't2s'>;
  loadLayer(): Promise<UserLayerSnapshot>;
  /** OpenCC, loaded on demand (it is large, and only this page needs it). */
  loadConverters(): Promise<ScriptConverters>;
  defaultVisibility(): Promise<Visibility>;
  saveUserPerson(draft: unknown): Promise<SavePeopleResult<unknown>>;
  saveAddition(draft: unknown): Promise<SavePeopleResult<unknown>>;
  addFact(personId: string, fact: Omit<UserFact, 'id' | 'addedAt'>): Promise<SavePeopleResult<unknown>>;
}

const REASONS: Record<AliasSuggestion['reason'], MessageKey> = {
  traditional: 'peopleReasonTraditional',
  simplified: 'peopleReasonSimplified',
  reversed: 'peopleReasonReversed',
  surname: 'peopleReasonSurname',
};
const KINDS: Record<UserAlias['kind'], MessageKey> = { full: 'peopleKindFull', surname: 'peopleKindSurname', given: 'peopleKindGiven' };

/** Today as YYYY-MM-DD, the date a source was read when the reader gives none. */
function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function failed(result: SavePeopleResult<unknown>): string | null {
  return result.ok ? null : t('peopleSaveFailed', 'message' in result ? result.message : result.reason);
}

/**
 * The add form: a person from a selected name ("Track with Talent Lens", or "Add a person"
 * from the popup or the notes page), or a sourced fact from a selected sentence ("Add as a
 * source for…"). Suggestions are ticked and can be unticked; a name that is already someone's
 * is offered as that person.
 */
export function AddPersonPage({ request, deps }: { request: AddRequest | null; deps: AddPersonDeps }) {
  const mode = request?.mode ?? 'track';
  const [name, setName] = useState(mode === 'track' ? (request?.selection.trim() ?? '') : '');
  const [other, setOther] = useState('');
  const [org, setOrg] = useState('');
  const [role, setRole] = useState('');
  const [convert, setConvert] = useState<ScriptConverters | null>(null);
  const [layer, setLayer] = useState<UserLayerSnapshot>({ people: [], additions: [] });
  const [rejected, setRejected] = useState<Set<string>>(new Set());
  const [visibility, setVisibility] = useState<Visibility>('mark');
  const [status, setStatus] = useState<string>('');
  const [factPerson, setFactPerson] = useState('');
  const [factKind, setFactKind] = useState<UserFact['kind']>('role');
  const [factText, setFactText] = useState('');
  const [factWhen, setFactWhen] = useState('');
  const [factOrg, setFactOrg] = useState('');

  useEffect(() => {
    void deps.loadConverters().then(setConvert);
    void deps.loadLayer().then(setLayer);
    void deps.defaultVisibility().then(setVisibility);
  }, [deps]);

  const suggestions = useMemo(() => {
    if (!convert) return [];
    const fromOther = other.trim() ? suggestAliases(other, convert) : [];
    const all = [...suggestAliases(name, convert, { chineseBorn: /\p{Script=Han}/u.test(other) }), ...fromOther];
    return all.filter((s, i) => all.findIndex((o) => o.text === s.text) === i && s.text !== other.trim() && s.text !== name.trim());
  }, [name, other, convert]);
  const accepted = suggestions.filter((s) => !rejected.has(s.text));
  const existing = useMemo(
    () =>
      findExistingPerson(
        [name, other, ...accepted.filter((s) => s.kind === 'full').map((s) => s.text)].filter((n) => n.trim()),
        deps.bundled,
        layer.people,
      ),
    [name, other, accepted, layer, deps.bundled],
  );

  const source = request?.url ? { url: request.url, title: request.title, date: today() } : undefined;
  const aliases = (): UserAlias[] => accepted.map(({ text, kind }) => ({ text, kind }));

  const save = async (event: Event) => {
    event.preventDefault();
    const fact: Omit<UserFact, 'id' | 'addedAt'>[] =
      role.trim() && source ? [{ kind: 'role', text: role.trim(), ...(org.trim() ? { org: org.trim() } : {}), source }] : [];
    let result: SavePeopleResult<unknown>;
    if (existing?.kind === 'bundled') {
      const current = layer.additions.find((a) => a.id === existing.personId);
      const names = [name, other].filter((n) => n.trim()).map((text): UserAlias => ({ text: text.trim(), kind: 'full' }));
      result = await deps.saveAddition({
        personId: existing.personId,
        aliases: [...(current?.aliases ?? []), ...names, ...aliases()].filter((a, i, all) => all.findIndex((o) => o.text === a.text) === i),
        facts: [...(current?.facts ?? []), ...fact],
        tags: current?.tags ?? [],
        ...(current ? { baseRevision: current.revision } : {}),
      });
    } else if (existing?.kind === 'user') {
      const current = layer.people.find((p) => p.id === existing.personId)!;
      const more = [name, other].filter((n) => n.trim()).map((text): UserAlias => ({ text: text.trim(), kind: 'full' }));
      result = await deps.saveUserPerson({
        ...current,
        baseRevision: current.revision,
        aliases: [...current.aliases, ...more, ...aliases()].filter((a, i, all) => all.findIndex((o) => o.text === a.text) === i),
        facts: [...current.facts, ...fact],
      });
    } else {
      result = await deps.saveUserPerson({
        name: { primary: name.trim(), ...(other.trim() ? { other: other.trim() } : {}) },
        aliases: [{ text: name.trim(), kind: 'full' }, ...aliases()],
        ...(org.trim() ? { org: org.trim() } : {}),
        ...(role.trim() ? { role: role.trim() } : {}),
        facts: fact,
        visibility,
      });
    }
    setStatus(failed(result) ?? t(visibility === 'mark' ? 'peopleSaved' : 'peopleSavedFindOnly'));
    if (result.ok) void deps.loadLayer().then(setLayer);
  };

  const saveFact = async (event: Event) => {
    event.preventDefault();
    if (!factPerson || !source) return;
    const result = await deps.addFact(factPerson, {
      kind: factKind,
      text: factText.trim(),
      ...(factOrg.trim() ? { org: factOrg.trim() } : {}),
      ...(factWhen.trim() ? { when: factWhen.trim() } : {}),
      source: { ...source, quote: request?.selection ?? '' },
    });
    setStatus(failed(result) ?? t('peopleSourceSaved'));
  };

  if (mode === 'source') {
    return (
      <main class="tl-info-page">
        <h1>{t('peopleSourceTitle')}</h1>
        <form class="tl-people-form" onSubmit={saveFact}>
          <blockquote class="tl-people-quote" aria-label={t('peopleQuote')}>
            {request?.selection}
          </blockquote>
          <p class="tl-muted-note">{t('peopleSourcePage', request?.title || request?.url || '')}</p>
          <label>
            {t('peopleSourceFor')}
            <select value={factPerson} onChange={(e) => setFactPerson(e.currentTarget.value)} required>
              <option value="">{t('peopleChoosePerson')}</option>
              {layer.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name.primary}
                </option>
              ))}
              {deps.bundled.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.zh ? `${p.en} · ${p.zh}` : p.en}
                </option>
              ))}
            </select>
          </label>
          <fieldset class="tl-choices">
            <legend>{t('peopleFactKind')}</legend>
            {(['role', 'move'] as const).map((kind) => (
              <label class="tl-choice" key={kind}>
                <input type="radio" name="fact-kind" checked={factKind === kind} onChange={() => setFactKind(kind)} />
                {t(kind === 'role' ? 'peopleFactRole' : 'peopleFactMove')}
              </label>
            ))}
          </fieldset>
          <label>
            {t('peopleFactText')}
            <input value={factText} onInput={(e) => setFactText(e.currentTarget.value)} required />
          </label>
          <label>
            {t('peopleFactOrg')}
            <input value={factOrg} onInput={(e) => setFactOrg(e.currentTarget.value)} />
          </label>
          <label>
            {t('peopleFactWhen')}
            <input value={factWhen} onInput={(e) => setFactWhen(e.currentTarget.value)} pattern="\d{4}(-\d{2}(-\d{2})?)?" />
          </label>
          <button type="submit">{t('peopleSave')}</button>
          <p role="status">{status}</p>
        </form>
      </main>
    );
  }

  return (
    <main class="tl-info-page">
      <h1>{t('peopleAddTitle')}</h1>
      <form class="tl-people-form" onSubmit={save}>
        <label>
          {t('peopleName')}
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} required />
        </label>
        <label>
          {t('peopleOtherName')}
          <input value={other} onInput={(e) => setOther(e.currentTarget.value)} />
        </label>
        {suggestions.length > 0 && (
          <fieldset class="tl-choices">
            <legend>{t('peopleSuggestions')}</legend>
            {suggestions.map((s) => (
              <label class="tl-choice" key={s.text}>
                <input
                  type="checkbox"
                  checked={!rejected.has(s.text)}
                  onChange={(e) => {
                    const next = new Set(rejected);
                    if (e.currentTarget.checked) next.delete(s.text);
                    else next.add(s.text);
                    setRejected(next);
                  }}
                />
                <span lang={/\p{Script=Han}/u.test(s.text) ? 'zh' : undefined}>{s.text}</span>
                <span class="tl-muted-note">
                  {t(KINDS[s.kind])} · {t(REASONS[s.reason])}
                </span>
              </label>
            ))}
          </fieldset>
        )}
        {existing && (
          <p class="tl-people-existing" role="note">
            {t('peopleExisting', existing.name)}
          </p>
        )}
        {existing?.kind !== 'user' && (
          <>
            <label>
              {t('peopleOrg')}
              <input value={org} onInput={(e) => setOrg(e.currentTarget.value)} />
            </label>
            <label>
              {t('peopleRole')}
              <input value={role} onInput={(e) => setRole(e.currentTarget.value)} />
            </label>
          </>
        )}
        {!existing && (
          <fieldset class="tl-choices">
            <legend>{t('peopleVisibility')}</legend>
            {(['mark', 'find-only'] as const).map((choice) => (
              <label class="tl-choice" key={choice}>
                <input type="radio" name="visibility" checked={visibility === choice} onChange={() => setVisibility(choice)} />
                {t(choice === 'mark' ? 'peopleVisibilityMark' : 'peopleVisibilityFindOnly')}
              </label>
            ))}
            <p class="tl-muted-note">{t('peopleVisibilityExplain')}</p>
          </fieldset>
        )}
        <button type="submit">{existing ? t('peopleUseExisting', existing.name) : t('peopleSave')}</button>
        <p role="status">{status}</p>
      </form>
    </main>
  );
}
