import { useEffect, useState } from 'preact/hooks';
import { ExplorePage } from '@/components/explore/ExplorePage';
import { EXPLORE_CSS } from '@/components/explore/explore-css';
import { mountPage } from '@/components/pages/mount';
import { bundledMoves, type ExploreMove } from '@/utils/explore/moves';
import { ownMoves } from '@/utils/explore/own-moves';
import { bundledDetails } from '@/utils/search/bundled-people';
import { backgroundMessenger } from '@/utils/messaging';
import { t } from '@/utils/i18n';
import { logError } from '@/utils/log';

const bundled = bundledMoves(bundledDetails);

/** The bundled moves at once; the reader's own (origin 'own') join them once the background has answered. */
function Explore() {
  const [moves, setMoves] = useState<ExploreMove[]>(bundled);
  useEffect(() => {
    backgroundMessenger.sendMessage('listUserLayer', undefined).then(
      (layer) => setMoves([...bundled, ...ownMoves(layer, bundledDetails)]),
      (cause) => logError('your people for Explore', cause),
    );
  }, []);
  return <ExplorePage moves={moves} reference={bundledDetails} />;
}

mountPage(EXPLORE_CSS, () => {
  document.title = t('exploreTitle');
  return <Explore />;
});
