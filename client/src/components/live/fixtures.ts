// Live views in the contract's shapes, and a stand-in EventSource, for the live pages' tests.
import { article, multipleChoice, open, singleChoice } from '../questions/fixtures.ts';
import type { LiveProjectorView, LiveStudentView, LiveTeacherView } from '../../lib/live-types.ts';

export { article };

const L = (nl: string, en: string) => ({ nl, en });

export const lobby: LiveStudentView = {
  sessionId: 'live-1',
  lessonTitle: L('Wie zegt wat?', 'Who says what?'),
  article,
  question: null,
  questionNumber: null,
  questionCount: 3,
  citable: false,
  state: { questionId: null, questionIndex: null, round: 1, phase: 'answering', showResults: false, timerEndsAt: null, endedAt: null },
  mine: null,
};

export function asked(patch: Partial<LiveStudentView> = {}, state: Partial<LiveStudentView['state']> = {}): LiveStudentView {
  return {
    ...lobby,
    question: singleChoice,
    questionNumber: 1,
    citable: true,
    ...patch,
    state: { ...lobby.state, questionId: singleChoice.id, questionIndex: 0, ...state },
  };
}

export const reveal = { key: { optionId: 'o-b' }, explanation: L('Analisten zeggen het, aldus de zin.', 'Analysts say so.'), anchors: ['s3'] };

export const teacherView: LiveTeacherView = {
  id: 'live-1',
  code: 'QX7-K2P',
  lessonSlug: 'wie-zegt-wat',
  lessonTitle: L('Wie zegt wat?', 'Who says what?'),
  className: '2B',
  article,
  questions: [
    { id: singleChoice.id, type: 'single-choice', skill: 'sources', prompt: singleChoice.prompt, public: singleChoice, reveal },
    { id: multipleChoice.id, type: 'multiple-choice', skill: 'sources', prompt: multipleChoice.prompt, public: multipleChoice, reveal: { key: { optionIds: ['m-a', 'm-b'] }, explanation: L('Twee.', 'Two.'), anchors: [] } },
    { id: open.id, type: 'open', skill: 'evidence', prompt: open.prompt, public: open, reveal: { key: null, explanation: L('Open.', 'Open.'), anchors: [] } },
  ],
  state: { questionId: singleChoice.id, questionIndex: 0, round: 1, phase: 'answering', showResults: false, timerEndsAt: null, endedAt: null },
  joinOpenUntil: new Date(Date.now() + 10 * 60_000).toISOString(),
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
      answers: [
        { value: 'o-a', label: L('Trump', 'Trump'), count: 1, correct: false },
        { value: 'o-b', label: L('Analisten', 'Analysts'), count: 0, correct: true },
      ],
      cites: [{ sentenceId: 's2', count: 1 }],
    },
  ],
};

export const projectorView: LiveProjectorView = {
  id: 'live-1',
  code: 'QX7-K2P',
  lessonTitle: L('Wie zegt wat?', 'Who says what?'),
  article,
  question: singleChoice,
  questionNumber: 1,
  questionCount: 3,
  state: { ...teacherView.state, round: 2, phase: 'revealed', showResults: true },
  joinOpenUntil: null,
  locked: false,
  counts: { joined: 20, answered: 20 },
  rounds: [
    { round: 1, answered: 20, right: 8, answers: [{ value: 'o-a', label: L('Trump', 'Trump'), count: 12, correct: false }, { value: 'o-b', label: L('Analisten', 'Analysts'), count: 8, correct: true }], cites: [{ sentenceId: 's2', count: 9 }] },
    { round: 2, answered: 20, right: 15, answers: [{ value: 'o-a', label: L('Trump', 'Trump'), count: 5, correct: false }, { value: 'o-b', label: L('Analisten', 'Analysts'), count: 15, correct: true }], cites: [{ sentenceId: 's3', count: 14 }, { sentenceId: 's2', count: 3 }] },
  ],
  reveal,
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
