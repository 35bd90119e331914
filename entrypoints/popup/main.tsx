import { Popup } from '@/components/popup/Popup';
import { POPUP_CSS } from '@/components/popup/popup-css';
import { mountPage } from '@/components/pages/mount';
import { bundledDetails, bundledSearch } from '@/utils/search/bundled-people';

const initialPersonId = new URLSearchParams(location.search).get('person') ?? undefined;
mountPage(POPUP_CSS, () => <Popup details={bundledDetails} search={bundledSearch()} initialPersonId={initialPersonId} />);
