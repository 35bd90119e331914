import { AboutPage } from '@/components/about/AboutPage';
import { INFO_PAGE_CSS } from '@/components/pages/info-page-css';
import { mountPage } from '@/components/pages/mount';
import { bundledDetails } from '@/utils/search/bundled-people';
import { t } from '@/utils/i18n';

mountPage(INFO_PAGE_CSS, () => {
  document.title = t('aboutPageTitle');
  return <AboutPage details={bundledDetails} />;
});
