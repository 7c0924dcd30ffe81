// The "studio" namespace for the pages where teachers write lessons: importing this module adds its
// words (and the class namespace's, for the teacher's bar and dates) to the catalog, so
// t('studio.key') works there. No student page imports it.
import { addNamespace } from './index.ts';
import { studioMessages } from './studio-messages.ts';

export { formatDateTime, misconceptionName, pick, skillName, t } from './class.ts';
export { lang } from './index.ts';

addNamespace('studio', studioMessages);
