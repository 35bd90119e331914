/**
 * The card's code, loaded by the content script on pages that have a mention
 * (content/card/loader.ts explains why it is not in the content script).
 */
import { createCardController } from '@/content/card/host';
import { registerCardUi } from '@/content/card/loader';
import { useUiLanguage } from '@/content/card/card-language';

export default defineUnlistedScript(() => {
  registerCardUi({ createCardController, useUiLanguage });
});
