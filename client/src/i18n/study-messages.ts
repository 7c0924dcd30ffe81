// The "study" namespace of the catalog: the words of the phone-first runner, its reading supports,
// the hand-in list and the review's per-part verdicts and rubric levels, in Dutch and English.
// Loaded with the runner and results pages (./study.ts); read with t('study.key').

const nl = {
  // the article beside the question
  wholeArticle: 'Hele artikel',
  showWholeArticle: 'Toon het hele artikel',
  hideWholeArticle: 'Verberg het artikel',
  passageLabel: 'Uit het artikel',
  // highlight questions: sentences in the article itself
  highlightInArticle: 'Tik in het artikel op de zinnen die je kiest, of ga er met Tab naartoe en druk op Spatie. Nog eens tikken maakt het ongedaan.',
  toArticleSentences: 'Naar de zinnen in het artikel',
  sentencesLabel: 'Zinnen om te kiezen',
  // the navigator
  checkedRight: 'goed',
  checkedPartly: 'deels goed',
  checkedWrong: 'niet goed',
  // continue elsewhere
  otherDevice: 'Verder op een ander apparaat',
  otherDeviceStudent:
    'Open Bronwijs op het andere apparaat, kies "Ga verder met je code" en vul je persoonlijke code in. Die kreeg je toen je de klas binnenging. Kwijt? Je docent kan een nieuwe maken.',
  otherDeviceLink: 'Ga verder met je code',
  // handing in
  openQuestions: 'Nog niet beantwoord:',
  goToQuestion: (n: number) => `Ga naar vraag ${n}`,
  handIn: 'Inleveren',
  // reading supports
  readingTools: 'Leeshulp',
  textSize: 'Tekstgrootte',
  textSmaller: 'Kleinere tekst',
  textLarger: 'Grotere tekst',
  darkTheme: 'Donker thema',
  readAloudArticle: 'Lees het artikel voor',
  readAloudQuestion: 'Lees de vraag voor',
  stopReading: 'Stop met voorlezen',
  // which parts were wrong
  wrongParts: 'Niet goed:',
  wrongPicked: 'Deze zinnen horen er niet bij:',
  wrongPlace: 'Staat niet op de goede plaats:',
  partWrong: 'niet goed',
  sentenceWrong: 'hoort er niet bij',
  // the teacher's rubric levels
  rubricLevels: 'Beoordeling van je docent',
  levelOf: (n: number, max: number) => `niveau ${n} van ${max}`,
};

export type StudyMessages = typeof nl;

const en: StudyMessages = {
  wholeArticle: 'Whole article',
  showWholeArticle: 'Show the whole article',
  hideWholeArticle: 'Hide the article',
  passageLabel: 'From the article',
  highlightInArticle: 'Tap the sentences you choose in the article, or reach them with Tab and press Space. Tap again to undo.',
  toArticleSentences: 'To the sentences in the article',
  sentencesLabel: 'Sentences to choose',
  checkedRight: 'right',
  checkedPartly: 'partly right',
  checkedWrong: 'not right',
  otherDevice: 'Continue on another device',
  otherDeviceStudent:
    'Open Bronwijs on the other device, choose "Continue with your code" and enter your personal code. You got it when you joined the class. Lost it? Your teacher can make a new one.',
  otherDeviceLink: 'Continue with your code',
  openQuestions: 'Not answered yet:',
  goToQuestion: (n) => `Go to question ${n}`,
  handIn: 'Hand in',
  readingTools: 'Reading help',
  textSize: 'Text size',
  textSmaller: 'Smaller text',
  textLarger: 'Larger text',
  darkTheme: 'Dark theme',
  readAloudArticle: 'Read the article aloud',
  readAloudQuestion: 'Read the question aloud',
  stopReading: 'Stop reading aloud',
  wrongParts: 'Not right:',
  wrongPicked: 'These sentences do not belong:',
  wrongPlace: 'Not in the right place:',
  partWrong: 'not right',
  sentenceWrong: 'does not belong',
  rubricLevels: 'Your teacher\'s assessment',
  levelOf: (n, max) => `level ${n} of ${max}`,
};

export const studyMessages = { nl, en };
