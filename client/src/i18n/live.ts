// The "live" namespace for the live lesson's pages: importing this module adds its words to the
// catalog, so `t('live.key')` works there; the date and number helpers come along from class.ts.
import { addNamespace } from './index.ts';
import { liveMessages } from './live-messages.ts';

export { pick, skillName, misconceptionName, t } from './index.ts';
export { formatDateTime, formatTime, percent } from './class.ts';

addNamespace('live', liveMessages);
