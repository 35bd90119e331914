import { ExplorePage } from '@/components/explore/ExplorePage';
import { EXPLORE_CSS } from '@/components/explore/explore-css';
import { mountPage } from '@/components/pages/mount';
import { bundledMoves } from '@/utils/explore/moves';
import { bundledDetails } from '@/utils/search/bundled-people';
import { t } from '@/utils/i18n';

// The reader's own people join these moves (with origin 'own') once they can be added.
const moves = bundledMoves(bundledDetails);

mountPage(EXPLORE_CSS, () => {
  document.title = t('exploreTitle');
  return <ExplorePage moves={moves} reference={bundledDetails} />;
});
