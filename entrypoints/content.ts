import { tabMessenger } from '@/utils/messaging';
import type { MentionsReport } from '@/utils/page/mentions-report';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  main() {
    tabMessenger.onMessage('listMentions', (): MentionsReport => ({
      url: location.href,
      host: location.host,
      enabled: true,
      people: [],
    }));
  },
});
