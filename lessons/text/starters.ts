// Question starters from an article's analysis: one or two per skill, in the lesson format of
// lessons/format.ts, with keys pre-filled from the cues (quote anchors on the article's
// sentences). They are drafts for the author to edit in the studio: each says, in its
// explanation, which words of the article it was built from.
import { normalizeText } from '../article.ts';
import type { Localized, Misconception, Question, Quote } from '../format.ts';
import type { AnalysedSentence, Analysis, Attribution, Cue, CueKind } from './analysis.ts';

export interface Starter {
  question: Question;
  /** Indexes of the analysed sentences the starter is built on. */
  sentences: number[];
}

const MAX_EXCERPT = 160;
const loc = (nl: string, en: string): Localized => ({ nl, en });
const quoted = (s: string) => `‘${s}’`;
const list = (items: string[]) => items.map(quoted).join(', ');

function excerpt(text: string): string {
  const t = normalizeText(text);
  if (t.length <= MAX_EXCERPT) return t;
  const cut = t.slice(0, MAX_EXCERPT);
  return `${cut.slice(0, cut.lastIndexOf(' '))} …`;
}

/** A heading or a fragment is no material for a question. */
const statements = new WeakMap<AnalysedSentence, boolean>();
function isStatement(s: AnalysedSentence): boolean {
  let known = statements.get(s);
  if (known === undefined) {
    known = /[.!?…"'”’)]$/u.test(s.text) && (s.text.match(/\s+/g)?.length ?? 0) >= 4;
    statements.set(s, known);
  }
  return known;
}
/** A cue's text on one line (cue texts are short; the article model's NFC is not needed here). */
const squash = (t: string) => t.replace(/\s+/g, ' ').trim();

class Anchors {
  private readonly joined: string;
  private readonly texts: string[];
  constructor(analysis: Analysis) {
    this.texts = analysis.sentences.map((s) => normalizeText(s.text));
    this.joined = this.texts.join(' ');
  }
  text(index: number): string {
    return this.texts[index]!;
  }
  /** A quote selecting the whole sentence; with the previous sentence as prefix if its text repeats. */
  quote(index: number): Quote {
    const exact = this.texts[index]!;
    const first = this.joined.indexOf(exact);
    if (first === -1 || this.joined.indexOf(exact, first + 1) === -1 || index === 0) return { exact };
    return { exact, prefix: this.texts[index - 1]! };
  }
}

const cuesOf = (s: AnalysedSentence, kind: CueKind) => s.cues.filter((q) => q.kind === kind);
function cueTexts(sentences: AnalysedSentence[], kind: CueKind, max = 4): string[] {
  const out = new Set<string>();
  for (const s of sentences) {
    for (const q of s.cues) {
      if (q.kind !== kind) continue;
      out.add(squash(q.text).toLowerCase());
      if (out.size === max) return [...out];
    }
  }
  return [...out];
}

/** Typed against the format; the tests run each starter through the schema and the checker
 * (zod is left out here: its first parse costs more than the whole analysis). */
const build = (q: Question): Question => q;

// ---------------------------------------------------------------- sources

function unnamedHighlight(a: Analysis, anchors: Anchors): Starter | undefined {
  const key = a.sentences.filter((s) => isStatement(s) && (cuesOf(s, 'unnamed-source').length > 0 || s.attributions.some((x) => x.source.kind === 'unnamed')));
  if (key.length === 0) return undefined;
  const words = cueTexts(key, 'unnamed-source');
  const named = a.sentences.filter((s) => !key.includes(s) && s.attributions.some((x) => x.source.kind === 'named' && !x.carried));
  return {
    sentences: key.map((s) => s.index),
    question: build({
      id: 'bron-zonder-naam',
      type: 'highlight',
      skill: 'sources',
      points: 1,
      prompt: loc('Selecteer de zinnen die steunen op een bron zonder naam.', 'Select the sentences that rest on a source without a name.'),
      explanation: loc(
        `In deze zinnen komt de informatie van iemand van wie het artikel de naam niet geeft (${list(words)}). Zo'n bron kan gelijk hebben, maar je kunt niet nagaan wie het zegt en waarom.`,
        `In these sentences the information comes from someone the article does not name (${list(words)}). Such a source can be right, but you cannot check who says it or why.`,
      ),
      cites: key.map((s) => anchors.quote(s.index)),
      key: key.map((s) => anchors.quote(s.index)),
      ...(named.length > 0
        ? {
            distractors: named.map((s) => {
              const name = s.attributions.find((x) => x.source.kind === 'named')!.source.name;
              return {
                quote: anchors.quote(s.index),
                feedback: loc(`Hier staat wel een naam bij de bron: ${name}.`, `This sentence does name its source: ${name}.`),
              };
            }),
          }
        : {}),
      outcomes: {
        full: loc('Goed: in deze zinnen heeft de bron geen naam.', 'Right: in these sentences the source has no name.'),
        partial: loc(
          `Een deel klopt. Zoek nog eens naar woorden als ${list(words.slice(0, 3))}.`,
          `Partly right. Look again for words like ${list(words.slice(0, 3))}.`,
        ),
        none: loc(
          `Nog niet. Woorden als ${list(words.slice(0, 3))} wijzen op een bron zonder naam.`,
          `Not yet. Words like ${list(words.slice(0, 3))} point to a source without a name.`,
        ),
      },
    }),
  };
}

function whoSays(a: Analysis, anchors: Anchors): Starter | undefined {
  if (a.sources.length < 2) return undefined;
  // Best: a claim whose source the next sentence gives ("… Dat melden bronnen."), so the learner
  // has to connect the two; then a direct attribution in a sentence that says more than "Dat meldt X".
  const withCue = a.sentences.flatMap((s) => (isStatement(s) ? s.attributions.filter((x): x is Attribution & { cue: Cue } => !!x.cue) : []));
  const fromNext = withCue.filter((x) => x.from !== undefined && x.from > x.sentence);
  const direct = withCue.filter((x) => x.from === undefined && !pointsBack(a, x));
  const target =
    fromNext.find((x) => x.source.kind === 'unnamed') ?? fromNext[0] ?? direct.find((x) => x.source.kind === 'unnamed') ?? direct[0];
  if (!target) return undefined;
  const sentence = a.sentences[target.sentence]!;
  const others = a.sources.filter((s) => s.key !== target.source.key).slice(0, 3);
  const sources = a.sources.filter((s) => s.key === target.source.key || others.includes(s));
  const cue = squash(target.cue.text);
  const where = target.from === undefined ? { nl: quoted(cue), en: quoted(cue) } : { nl: `${quoted(cue)} in de zin erna`, en: `${quoted(cue)} in the next sentence` };
  type Option = { id: string; text: Localized; feedback: Localized; misconception?: Misconception };
  const options: Option[] = sources.map((s, i) => ({
    id: `o${i + 1}`,
    text: loc(s.name, s.name),
    feedback:
      s.key === target.source.key
        ? loc(`Ja: ${where.nl} wijst ${s.name} aan als bron van deze zin.`, `Yes: ${where.en} makes ${s.name} the source of this sentence.`)
        : loc(`Nee: ${s.name} komt in een andere zin aan het woord. Kijk naar ${where.nl}.`, `No: ${s.name} speaks in another sentence. Look at ${where.en}.`),
  }));
  options.push({
    id: `o${options.length + 1}`,
    text: loc('De schrijver van het artikel zelf', 'The writer of the article'),
    feedback: loc(
      `Nee: de schrijver geeft door wat een ander zegt; ${where.nl} laat zien van wie het komt.`,
      `No: the writer passes on what someone else says; ${where.en} shows whose words they are.`,
    ),
    misconception: 'attribution-as-endorsement',
  });
  const key = options[sources.findIndex((s) => s.key === target.source.key)]!.id;
  const claim = excerpt(sentence.text);
  const cited = target.from === undefined ? [sentence.index] : [sentence.index, target.from];
  return {
    sentences: cited,
    question: build({
      id: 'wie-zegt-dit',
      type: 'single-choice',
      skill: 'sources',
      points: 1,
      prompt: loc(`Wie zegt dit volgens het artikel? ${quoted(claim)}`, `According to the article, who says this? ${quoted(claim)}`),
      focus: [anchors.quote(sentence.index)],
      explanation: loc(
        `${where.nl[0]!.toUpperCase()}${where.nl.slice(1)} koppelt de bewering aan ${target.source.name}.`,
        `${where.en[0]!.toUpperCase()}${where.en.slice(1)} ties the claim to ${target.source.name}.`,
      ),
      cites: cited.map((i) => anchors.quote(i)),
      options,
      key,
    }),
  };
}

// ---------------------------------------------------------------- language

function hedgeHighlight(a: Analysis, anchors: Anchors): Starter | undefined {
  const key = a.sentences.filter((s) => isStatement(s) && cuesOf(s, 'hedge').some((q) => !insideQuote(s, q)));
  if (key.length === 0) return undefined;
  const words = cueTexts(key, 'hedge');
  return {
    sentences: key.map((s) => s.index),
    question: build({
      id: 'voorbehoud',
      type: 'highlight',
      skill: 'language',
      points: 1,
      prompt: loc(
        'Selecteer de zinnen waarin de schrijver laat merken dat iets niet zeker is.',
        'Select the sentences in which the writer signals that something is not certain.',
      ),
      explanation: loc(
        `Woorden als ${list(words)} geven een voorbehoud: het artikel brengt het als iets wat gezegd of vermoed wordt, niet als vastgesteld feit.`,
        `Words like ${list(words)} add a hedge: the article presents it as something said or suspected, not as an established fact.`,
      ),
      cites: key.map((s) => anchors.quote(s.index)),
      key: key.map((s) => anchors.quote(s.index)),
      outcomes: {
        full: loc('Goed: in deze zinnen staat een voorbehoud.', 'Right: these sentences carry a hedge.'),
        partial: loc(`Een deel klopt. Let op woorden als ${list(words.slice(0, 3))}.`, `Partly right. Watch for words like ${list(words.slice(0, 3))}.`),
        none: loc(
          `Nog niet. Een voorbehoud zit in kleine woorden als ${list(words.slice(0, 3))}.`,
          `Not yet. A hedge hides in small words like ${list(words.slice(0, 3))}.`,
        ),
      },
    }),
  };
}

function evaluativeHighlight(a: Analysis, anchors: Anchors): Starter | undefined {
  const key = a.sentences.filter((s) => isStatement(s) && cuesOf(s, 'evaluative').length > 0);
  if (key.length === 0) return undefined;
  const words = cueTexts(key, 'evaluative');
  return {
    sentences: key.map((s) => s.index),
    question: build({
      id: 'oordeel',
      type: 'highlight',
      skill: 'language',
      points: 1,
      prompt: loc('Selecteer de zinnen met een woord dat een oordeel geeft.', 'Select the sentences with a word that passes judgement.'),
      explanation: loc(
        `Woorden als ${list(words)} zeggen niet alleen wat er is, maar ook wat iemand ervan vindt. Ga na van wie dat oordeel is: van de schrijver of van een bron.`,
        `Words like ${list(words)} say not only what is, but also what someone thinks of it. Check whose judgement it is: the writer's or a source's.`,
      ),
      cites: key.map((s) => anchors.quote(s.index)),
      key: key.map((s) => anchors.quote(s.index)),
      outcomes: {
        full: loc('Goed: in deze zinnen zit een oordeel.', 'Right: these sentences carry a judgement.'),
        partial: loc(`Een deel klopt. Kijk nog eens naar ${list(words.slice(0, 3))}.`, `Partly right. Look again at ${list(words.slice(0, 3))}.`),
        none: loc(`Nog niet. Een oordeel zit in woorden als ${list(words.slice(0, 3))}.`, `Not yet. A judgement sits in words like ${list(words.slice(0, 3))}.`),
      },
    }),
  };
}

// ---------------------------------------------------------------- claims

type Category = 'claim' | 'fact' | 'prediction';

function insideQuote(s: AnalysedSentence, cue: Cue): boolean {
  return cuesOf(s, 'quote').some((q) => cue.start >= q.start && cue.end <= q.end);
}

function categoryOf(s: AnalysedSentence): { category: Category; cue?: Cue; from?: number } | undefined {
  const prediction = cuesOf(s, 'prediction')[0];
  if (prediction) return { category: 'prediction', cue: prediction };
  const hedge = cuesOf(s, 'hedge')[0];
  const attribution = s.attributions.find((x) => x.cue && x.from === undefined)?.cue;
  if (hedge || attribution) return { category: 'claim', cue: hedge ?? attribution };
  const carried = s.attributions.find((x) => x.cue && x.from !== undefined);
  if (carried) return { category: 'claim', cue: carried.cue, from: carried.from };
  if (cuesOf(s, 'evaluative').length > 0 || cuesOf(s, 'quote').length > 0) return undefined;
  return { category: 'fact' };
}

function claimFactPrediction(a: Analysis, anchors: Anchors): Starter | undefined {
  const picked: { s: AnalysedSentence; category: Category; cue?: Cue; from?: number }[] = [];
  for (const category of ['claim', 'fact', 'prediction'] as const) {
    const found = a.sentences.filter(isStatement).flatMap((s) => {
      const c = categoryOf(s);
      return c && c.category === category ? [{ s, ...c }] : [];
    });
    picked.push(...found.slice(0, 2));
  }
  if (picked.length < 2 || new Set(picked.map((p) => p.category)).size < 2) return undefined;
  picked.sort((x, y) => x.s.index - y.s.index);
  const items = picked.map((p, i) => {
    const cue = p.cue ? quoted(squash(p.cue.text)) : '';
    const feedback =
      p.category === 'prediction'
        ? loc(`Hier staat ${cue}: het gaat over wat nog moet komen.`, `It says ${cue}: this is about what is still to come.`)
        : p.category === 'claim' && p.from !== undefined
          ? loc(
              `${cue} in de zin ${p.from > p.s.index ? 'erna' : 'ervoor'} zegt wie dit beweert: het is niet vastgesteld.`,
              `${cue} in the sentence ${p.from > p.s.index ? 'after' : 'before'} it says who claims this: it has not been established.`,
            )
          : p.category === 'claim'
          ? loc(`Hier staat ${cue}: iemand beweert het, het is niet vastgesteld.`, `It says ${cue}: someone claims it; it has not been established.`)
          : loc('Hier staat geen voorbehoud en geen bron bij: het artikel brengt het als feit.', 'No hedge and no source here: the article presents it as fact.');
    const text = anchors.text(p.s.index);
    return { id: `i${i + 1}`, text: loc(text, text), feedback, cites: [anchors.quote(p.s.index)] };
  });
  const key = Object.fromEntries(picked.map((p, i) => [`i${i + 1}`, p.category]));
  return {
    sentences: picked.map((p) => p.s.index),
    question: build({
      id: 'bewering-feit-voorspelling',
      type: 'categorize',
      skill: 'claims',
      points: 1,
      prompt: loc('Is dit een bewering van een bron, een feit of een voorspelling?', 'Is this a claim by a source, a fact or a prediction?'),
      explanation: loc(
        'Een bewering herken je aan een bron of een voorbehoud (zegt, volgens, zou), een voorspelling aan woorden over de toekomst (zullen, verwacht); een feit brengt het artikel zonder die woorden.',
        'A claim comes with a source or a hedge (says, according to, would), a prediction with words about the future (will, expected); the article brings a fact without such words.',
      ),
      cites: picked.map((p) => anchors.quote(p.s.index)),
      categories: [
        { id: 'claim', label: loc('Bewering van een bron', 'Claim by a source') },
        { id: 'fact', label: loc('Feit', 'Fact') },
        { id: 'prediction', label: loc('Voorspelling', 'Prediction') },
      ],
      items,
      key,
      outcomes: {
        full: loc('Goed ingedeeld.', 'Sorted correctly.'),
        partial: loc('Een deel klopt. Zoek in elke zin naar een bron, een voorbehoud of een woord over de toekomst.', 'Partly right. Look in each sentence for a source, a hedge or a word about the future.'),
        none: loc('Nog niet. Zoek in elke zin naar een bron, een voorbehoud of een woord over de toekomst.', 'Not yet. Look in each sentence for a source, a hedge or a word about the future.'),
      },
    }),
  };
}

// ---------------------------------------------------------------- evidence

function checkable(a: Analysis, anchors: Anchors): Starter | undefined {
  const key = a.sentences.filter((s) => isStatement(s) && (cuesOf(s, 'number').length > 0 || s.attributions.some((x) => x.source.kind === 'named' && !x.carried)));
  if (key.length === 0) return undefined;
  const details = new Set<string>();
  for (const s of key) {
    for (const q of cuesOf(s, 'number')) if (details.size < 4) details.add(squash(q.text));
    for (const x of s.attributions) if (x.source.kind === 'named' && details.size < 4) details.add(x.source.name);
    if (details.size >= 4) break;
  }
  return {
    sentences: key.map((s) => s.index),
    question: build({
      id: 'na-te-gaan',
      type: 'highlight',
      skill: 'evidence',
      points: 1,
      prompt: loc(
        'Selecteer de zinnen met iets wat je zelf kunt nagaan: een getal, of een bron met een naam die je kunt opzoeken.',
        'Select the sentences with something you can check yourself: a number, or a named source you can look up.',
      ),
      explanation: loc(
        `Deze zinnen geven houvast om te controleren: ${list([...details])}. Zinnen met alleen een bron zonder naam kun je veel moeilijker nagaan.`,
        `These sentences give you something to check: ${list([...details])}. Sentences resting only on an unnamed source are much harder to verify.`,
      ),
      cites: key.map((s) => anchors.quote(s.index)),
      key: key.map((s) => anchors.quote(s.index)),
      outcomes: {
        full: loc('Goed: hier kun je zelf verder zoeken.', 'Right: here you can search further yourself.'),
        partial: loc('Een deel klopt. Zoek naar getallen en namen.', 'Partly right. Look for numbers and names.'),
        none: loc('Nog niet. Zoek naar getallen en naar bronnen met een naam.', 'Not yet. Look for numbers and for sources with a name.'),
      },
    }),
  };
}

// ---------------------------------------------------------------- verification

/** "Dat meldt de krant.": the sentence only attributes the one before it. */
function pointsBack(a: Analysis, x: Attribution): boolean {
  return a.sentences.some((s) => s.attributions.some((y) => y.from === x.sentence));
}

function howToCheck(a: Analysis, anchors: Anchors): Starter | undefined {
  const target =
    a.sentences.find((s) => isStatement(s) && s.attributions.some((x) => x.source.kind === 'unnamed' && !pointsBack(a, x) && (x.from === undefined || x.from > s.index))) ??
    a.sentences.find((s) => isStatement(s) && cuesOf(s, 'hedge').length > 0);
  if (!target) return undefined;
  const outlet = a.sources.find((s) => s.kind === 'named')?.name;
  const claim = excerpt(target.text);
  return {
    sentences: [target.index],
    question: build({
      id: 'hoe-nagaan',
      type: 'single-choice',
      skill: 'verification',
      points: 1,
      prompt: loc(`Hoe kun je het beste nagaan of dit klopt? ${quoted(claim)}`, `What is the best way to check whether this is true? ${quoted(claim)}`),
      focus: [anchors.quote(target.index)],
      explanation: loc(
        'Een bewering zonder bron met naam of met een voorbehoud is niet vanzelf waar of onwaar. Je komt verder door te zoeken of anderen het met naam en bewijs bevestigen.',
        'A claim without a named source, or with a hedge, is not true or false by itself. You get further by checking whether others confirm it by name and with evidence.',
      ),
      cites: [anchors.quote(target.index)],
      options: [
        {
          id: 'o1',
          text: loc('Zoeken of andere media of betrokkenen het met naam en bewijs bevestigen.', 'Search whether other media or people involved confirm it by name and with evidence.'),
          feedback: loc('Ja: een tweede, onafhankelijke bevestiging maakt het sterker.', 'Yes: a second, independent confirmation makes it stronger.'),
        },
        {
          id: 'o2',
          text: outlet
            ? loc(`Niets: het staat in ${outlet}, dus het klopt.`, `Nothing: it is in ${outlet}, so it is true.`)
            : loc('Niets: het staat in de krant, dus het klopt.', 'Nothing: it is in the paper, so it is true.'),
          feedback: loc('Een bekende naam is geen bewijs: ook een grote krant kan zich vergissen.', 'A well-known name is no proof: a big paper can be wrong too.'),
          misconception: 'reputation-as-evidence',
        },
        {
          id: 'o3',
          text: loc('Niets: de bron heeft geen naam, dus het is niet waar.', 'Nothing: the source has no name, so it is not true.'),
          feedback: loc('Een bron zonder naam is niet vanzelf fout; je kunt het alleen minder goed nagaan.', 'An unnamed source is not wrong by default; you just cannot check it as easily.'),
          misconception: 'anonymous-means-false',
        },
        {
          id: 'o4',
          text: loc('Niets: je kunt nooit iets zeker weten, dus je gelooft niets uit het artikel.', 'Nothing: you can never be sure, so you believe nothing in the article.'),
          feedback: loc('Sommige dingen kun je wel nagaan: twijfel gericht, niet aan alles tegelijk.', 'Some things can be checked: doubt with aim, not everything at once.'),
          misconception: 'doubt-everything',
        },
      ],
      key: 'o1',
    }),
  };
}

/** Question starters for every skill the article's cues support, in the lesson format. */
export function questionStarters(analysis: Analysis): Starter[] {
  const anchors = new Anchors(analysis);
  return [unnamedHighlight, whoSays, claimFactPrediction, hedgeHighlight, evaluativeHighlight, checkable, howToCheck]
    .map((make) => make(analysis, anchors))
    .filter((s): s is Starter => s !== undefined);
}
