// The "study" namespace for the runner and results pages: importing this module adds its words to
// the catalog, so `t('study.key')` works there.
import { addNamespace } from './index.ts';
import { studyMessages } from './study-messages.ts';

export { lang, pick, t } from './index.ts';

addNamespace('study', studyMessages);
