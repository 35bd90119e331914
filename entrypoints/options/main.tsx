import { OptionsPage } from '@/components/options/OptionsPage';
import { INFO_PAGE_CSS } from '@/components/pages/info-page-css';
import { mountPage } from '@/components/pages/mount';
import { t } from '@/utils/i18n';

mountPage(INFO_PAGE_CSS, () => {
  document.title = t('optionsPageTitle');
  // WXT sets BROWSER per build (`wxt build -b firefox`): where to change a shortcut differs.
  return <OptionsPage browserName={import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome'} />;
});
