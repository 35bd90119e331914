import { useEffect, useState } from 'preact/hooks';
import aliasIndex from '@/data/generated/alias-index.json';
import { loadScriptConverters } from '@/utils/people/script-converters';
import type { AliasIndex } from '@/data/schema';
import { AddPersonPage, type AddPersonDeps } from '@/components/people/AddPersonPage';
import { EditPersonPage } from '@/components/people/EditPersonPage';
import { INFO_PAGE_CSS } from '@/components/pages/info-page-css';
import { mountPage } from '@/components/pages/mount';
import { backgroundMessenger } from '@/utils/messaging';
import { takeAddRequest } from '@/utils/people/add-request';
import { loadSettings } from '@/utils/settings';
import { t } from '@/utils/i18n';

const PEOPLE_CSS = `
.tl-people-form { display: flex; flex-direction: column; gap: 12px; }
.tl-people-form > label { display: flex; flex-direction: column; gap: 4px; font-size: 14px; line-height: 20px; }
.tl-people-form input:not([type]), .tl-people-form select { font: inherit; padding: 6px 8px; }
.tl-people-form button { align-self: flex-start; font: inherit; padding: 6px 14px; }
.tl-people-quote { margin: 0; padding: 8px 12px; border-inline-start: 3px solid var(--tl-accent); }
.tl-people-existing { font-weight: 600; }
.tl-people-aliases, .tl-people-facts { display: flex; flex-direction: column; gap: 6px; margin: 0; padding: 0; list-style: none; }
.tl-people-facts li { display: flex; flex-direction: column; align-items: flex-start; gap: 4px; }
.tl-people-new-alias { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 8px; }
.tl-people-new-alias label { display: flex; flex-direction: column; gap: 4px; }
`;

const deps: AddPersonDeps = {
  bundled: aliasIndex as AliasIndex,
  loadLayer: () => backgroundMessenger.sendMessage('listUserLayer', undefined),
  loadConverters: loadScriptConverters,
  defaultVisibility: async () => (await loadSettings()).peopleVisibility,
  saveUserPerson: (draft) => backgroundMessenger.sendMessage('saveUserPerson', draft),
  saveAddition: (draft) => backgroundMessenger.sendMessage('saveAddition', draft),
  addFact: (personId, fact) => backgroundMessenger.sendMessage('addFact', { personId, fact }),
};

mountPage(INFO_PAGE_CSS + PEOPLE_CSS, () => {
  // ?person=ID: the notes page's Edit; otherwise a new person or source (the menus, "Add a person").
  const personId = new URLSearchParams(location.search).get('person');
  if (!personId) document.title = t('peopleAddTitle');
  return personId ? <EditPersonPage personId={personId} deps={deps} /> : <Loader />;
});

function Loader() {
  const id = new URLSearchParams(location.search).get('request');
  const [request, setRequest] = useState<Awaited<ReturnType<typeof takeAddRequest>> | undefined>(id ? undefined : null);
  useEffect(() => {
    if (id) void takeAddRequest(id).then(setRequest, () => setRequest(null));
  }, [id]);
  if (request === undefined) return null;
  return <AddPersonPage request={request} deps={deps} />;
}
