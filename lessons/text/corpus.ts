// Reads the gold corpora of the sentence splitter (fixtures/corpus.*.txt) and scores a splitter
// on them by boundary precision and recall. Used by the tests; the format is described at the
// top of fixtures/corpus.nl.txt.

export interface GoldParagraph {
  /** The input text of the paragraph, as the splitter sees it. */
  text: string;
  /** The gold sentences, as written in the input. */
  sentences: string[];
  /** Offsets in `text` where a gold sentence other than the first starts. */
  starts: number[];
  /** Line of the corpus file where the paragraph begins, to report misses. */
  line: number;
}

export function parseCorpus(source: string): GoldParagraph[] {
  const out: GoldParagraph[] = [];
  let current: { lines: string[]; line: number } | undefined;
  const flush = () => {
    if (!current) return;
    let text = '';
    const starts: number[] = [];
    const sentences: string[] = [];
    current.lines.forEach((raw, i) => {
      const joinWithBreak = raw.endsWith('⏎');
      const sentence = (joinWithBreak ? raw.slice(0, -1).trimEnd() : raw).replace(/\s*⏎\s*/g, '\n');
      if (i > 0) starts.push(text.length);
      text += sentence;
      sentences.push(sentence);
      if (i < current!.lines.length - 1) text += joinWithBreak ? '\n' : ' ';
    });
    out.push({ text, sentences, starts, line: current.line });
    current = undefined;
  };
  source.split('\n').forEach((line, i) => {
    if (line.startsWith('#')) return;
    if (!line.trim()) return flush();
    current ??= { lines: [], line: i + 1 };
    current.lines.push(line.trim());
  });
  flush();
  return out;
}

export interface BoundaryScore {
  precision: number;
  recall: number;
  /** Gold boundaries, boundaries found, and those both agree on. */
  gold: number;
  found: number;
  correct: number;
  sentences: number;
  /** Paragraphs where the splitter disagrees with the gold, for the test's message. */
  misses: { line: number; expected: string[]; got: string[] }[];
}

/** Score a splitter that returns the offsets where its sentences start, within one paragraph. */
export function scoreBoundaries(corpus: GoldParagraph[], starts: (text: string) => number[]): BoundaryScore {
  let gold = 0;
  let found = 0;
  let correct = 0;
  let sentences = 0;
  const misses: BoundaryScore['misses'] = [];
  for (const p of corpus) {
    const got = starts(p.text).filter((s) => s > 0);
    const goldSet = new Set(p.starts);
    const hits = got.filter((s) => goldSet.has(s)).length;
    gold += p.starts.length;
    found += got.length;
    correct += hits;
    sentences += p.sentences.length;
    if (hits !== got.length || hits !== p.starts.length) {
      const cuts = [0, ...got, p.text.length];
      misses.push({ line: p.line, expected: p.sentences, got: cuts.slice(0, -1).map((c, i) => p.text.slice(c, cuts[i + 1]).trim()) });
    }
  }
  return {
    precision: found === 0 ? 1 : correct / found,
    recall: gold === 0 ? 1 : correct / gold,
    gold,
    found,
    correct,
    sentences,
    misses,
  };
}
