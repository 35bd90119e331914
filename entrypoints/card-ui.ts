/**
 * The card's code, loaded by the content script on pages that have a mention
 * (utils/page/card-loader.ts explains why it is not in the content script).
 */
import { createCardController } from '@/utils/page/card-host';
import { registerCardUi } from '@/utils/page/card-loader';

export default defineUnlistedScript(() => {
  registerCardUi({ createCardController });
});
