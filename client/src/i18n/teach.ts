// The "teach" namespace: the words of the teacher's first-week tools (editing assignments, the
// lesson preview, the projector's roster and QR code, the report's tabs, grade and discussion).
// Importing this module adds them to the catalog, so `t('teach.key')` works on those pages.
import { addNamespace } from './index.ts';
import { teachMessages } from './teach-messages.ts';

export { t } from './index.ts';

addNamespace('teach', teachMessages);
