// The live lesson's shapes, from the server (server/live/types.ts through server/api-types.ts: the
// event streams are outside hc, so their views are named there), and the teacher's command.
export type {
  LiveAnswerClass,
  LiveParticipantView,
  LiveProjectorView,
  LiveResults,
  LiveRoundResult,
  LiveStudentView,
  LiveTeacherView,
} from '../../../server/api-types.ts';
export type { LiveCommand } from './api.ts';
