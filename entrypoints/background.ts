import { backgroundMessenger } from '@/utils/messaging';
import { personCard } from '@/utils/dataset/person-card';
import details from '@/data/generated/details.json';
import type { DatasetDetails } from '@/data/schema';

export default defineBackground(() => {
  const dataset = details as DatasetDetails;

  backgroundMessenger.onMessage('ping', () => ({ version: browser.runtime.getManifest().version }));
  backgroundMessenger.onMessage('getPersonCard', ({ data }) => personCard(dataset, data));
});
