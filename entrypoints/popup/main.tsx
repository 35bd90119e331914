import { render } from 'preact';
import { Popup } from '@/components/popup/Popup';
import { POPUP_CSS } from '@/components/popup/popup-css';
import { bundledDetails, bundledSearch } from '@/utils/search/bundled-people';

const style = document.createElement('style');
style.textContent = POPUP_CSS;
document.head.append(style);

const initialPersonId = new URLSearchParams(location.search).get('person') ?? undefined;
render(
  <Popup
    details={bundledDetails}
    search={bundledSearch()}
    initialPersonId={initialPersonId}
  />,
  document.getElementById('app')!,
);
