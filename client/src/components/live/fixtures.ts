// Live views in the contract's shapes, and a stand-in EventSource, for the live pages' tests.
import { article, multipleChoice, open, singleChoice } from '../questions/fixtures.ts';
import type { Question } from '../../../../lessons/model.ts';
import type { LiveProjectorView, LiveStudentView, LiveTeacherView } from '../../lib/live-types.ts';

export { article };

const L = (nl: string, en: string) => ({ nl, en });

export const lobby: LiveStudentView = {
  sessionId: 'live-1',
  lessonTitle: L('Wie zegt wat?', 'Who says what?'),
  article,
  participantId: 'p1',
  name: 'Anna',
  question: null,
  takesCites: false,
  state: { questionId: null, questionNumber: null, questionCount: 3, round: 1, phase: 'lobby', showResults: false, timerEndsAt: null, endedAt: null, version: '1' },
  answer: null,
};

export function asked(patch: Partial<LiveStudentView> = {}, state: Partial<LiveStudentView['state']> = {}): LiveStudentView {
  return {
    ...lobby,
    question: singleChoice,
    takesCites: true,
    ...patch,
    state: { ...lobby.state, questionId: singleChoice.id, questionNumber: 1, phase: 'answering', ...state },
  };
}

export const review = { questionId: singleChoice.id, key: { optionId: 'o-b' }, explanation: L('Analisten zeggen het, aldus de zin.', 'Analysts say so.'), anchors: ['s3'] };

/** The lesson's questions as the teacher's view carries them (with key and explanation). */
const questions: Question[] = [
  { ...singleChoice, skill: 'sources', explanation: review.explanation, cites: ['s3'], key: 'o-b', options: singleChoice.options } as unknown as Question,
  { ...multipleChoice, skill: 'sources', explanation: L('Twee.', 'Two.'), cites: [], key: ['m-a', 'm-b'] } as unknown as Question,
  { ...open, skill: 'evidence', explanation: L('Open.', 'Open.'), cites: [] } as unknown as Question,
];

export const teacherView: LiveTeacherView = {
  id: 'live-1',
  code: 'QX7-K2P',
  lessonSlug: 'wie-zegt-wat',
  lessonTitle: L('Wie zegt wat?', 'Who says what?'),
  classId: 'c1',
  className: '2B',
  startedAt: '2026-11-29T09:00:00.000Z',
  endedAt: null,
  lesson: { slug: 'wie-zegt-wat', title: L('Wie zegt wat?', 'Who says what?'), article, questions },
  state: { questionId: singleChoice.id, questionNumber: 1, questionCount: 3, round: 1, phase: 'answering', showResults: false, timerEndsAt: null, endedAt: null, version: '2' },
  joinOpenUntil: new Date(Date.now() + 10 * 60_000).toISOString(),
  joinOpen: true,
  locked: false,
  participants: [
    { id: 'p1', name: 'Anna', answered: true, removed: false },
    { id: 'p2', name: 'Bram', answered: false, removed: false },
  ],
  counts: { joined: 2, answered: 1 },
  rounds: [
    {
      round: 1,
      answered: 1,
      right: 0,
      distribution: [
        { value: 'o-a', label: L('Trump', 'Trump'), count: 1, correct: false },
        { value: 'o-b', label: L('Analisten', 'Analysts'), count: 0, correct: true },
      ],
      citations: { s2: 1 },
    },
  ],
};

export const projectorView: LiveProjectorView = {
  id: 'live-1',
  code: 'QX7-K2P',
  lessonTitle: L('Wie zegt wat?', 'Who says what?'),
  article,
  question: singleChoice,
  joinOpen: true,
  state: { ...teacherView.state, round: 2, phase: 'revealed', showResults: true },
  counts: { joined: 20, answered: 20 },
  rounds: [
    { round: 1, answered: 20, right: 0.4, distribution: [{ value: 'o-a', label: L('Trump', 'Trump'), count: 12, correct: false }, { value: 'o-b', label: L('Analisten', 'Analysts'), count: 8, correct: true }], citations: { s2: 9 } },
    { round: 2, answered: 20, right: 0.75, distribution: [{ value: 'o-a', label: L('Trump', 'Trump'), count: 5, correct: false }, { value: 'o-b', label: L('Analisten', 'Analysts'), count: 15, correct: true }], citations: { s3: 14, s2: 3 } },
  ],
  review,
};

/** An EventSource the test drives: `sources` lists every one the page opened, newest last. */
export class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static sources: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.sources.push(this);
  }
  static latest(): FakeEventSource {
    return FakeEventSource.sources[FakeEventSource.sources.length - 1]!;
  }
  open() {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }
  send(view: unknown) {
    this.onmessage?.({ data: JSON.stringify(view) });
  }
  /** The server went away and the browser gave up on this stream. */
  fail() {
    this.readyState = FakeEventSource.CLOSED;
    this.onerror?.();
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
}
