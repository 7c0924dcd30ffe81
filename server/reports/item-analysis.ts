// Item analysis for one assignment (Moodle's quiz statistics): the facility index (how easy a
// question was) and the discrimination index (whether it tells stronger students from weaker
// ones), each with one plain sentence a teacher can act on.
import type { Localized } from '../../lessons/index.ts';

/** Mean of the fractions given (each 0..1); null when there are none. */
export function facilityIndex(fractions: readonly number[]): number | null {
  if (fractions.length === 0) return null;
  return round(fractions.reduce((a, b) => a + b, 0) / fractions.length);
}

/**
 * Moodle's discrimination index: the Pearson correlation, over finished attempts, between the
 * points scored on this question and the points scored on the rest of the test. Null with fewer
 * than two attempts, or when either has no variance (everyone scored the same: nothing to tell).
 */
export function discriminationIndex(rows: readonly { item: number; rest: number }[]): number | null {
  const n = rows.length;
  if (n < 2) return null;
  const mx = rows.reduce((a, r) => a + r.item, 0) / n;
  const my = rows.reduce((a, r) => a + r.rest, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const r of rows) {
    sxy += (r.item - mx) * (r.rest - my);
    sxx += (r.item - mx) ** 2;
    syy += (r.rest - my) ** 2;
  }
  // Below this the variance is rounding noise, not a difference between students.
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return round(sxy / Math.sqrt(sxx * syy));
}

// Bands follow Moodle's reading of the facility index, merged into five a teacher can use.
export function facilityNote(facility: number | null, responses: number): Localized {
  if (facility === null) {
    return { nl: 'Nog niemand heeft deze vraag beantwoord (of de antwoorden zijn nog niet beoordeeld).', en: 'No one has answered this question yet (or the answers are not scored yet).' };
  }
  const pct = Math.round(facility * 100);
  const few = responses < 5;
  const caveat = few ? { nl: ` Let op: pas ${responses} antwoord(en).`, en: ` Note: only ${responses} answer(s) so far.` } : { nl: '', en: '' };
  let nl: string;
  let en: string;
  if (facility < 0.2) {
    nl = `Zeer moeilijk: gemiddeld ${pct}% goed. Bespreek deze vraag klassikaal; misschien is ook de vraag zelf onduidelijk.`;
    en = `Very hard: ${pct}% correct on average. Go over it with the class; the question itself may be unclear.`;
  } else if (facility < 0.35) {
    nl = `Moeilijk: gemiddeld ${pct}% goed. De meeste leerlingen beheersen dit nog niet; herhaal de uitleg.`;
    en = `Hard: ${pct}% correct on average. Most students have not mastered this yet; explain it again.`;
  } else if (facility <= 0.65) {
    nl = `Gemiddeld: ${pct}% goed. Deze vraag laat goed zien wie het begrijpt en wie nog niet.`;
    en = `Moderate: ${pct}% correct on average. This question shows well who understands it and who does not yet.`;
  } else if (facility <= 0.9) {
    nl = `Makkelijk: gemiddeld ${pct}% goed. De meeste leerlingen beheersen dit.`;
    en = `Easy: ${pct}% correct on average. Most students have mastered this.`;
  } else {
    nl = `Zeer makkelijk: gemiddeld ${pct}% goed. Bijna iedereen had dit goed; het zegt weinig over verschillen.`;
    en = `Very easy: ${pct}% correct on average. Almost everyone got it right; it says little about differences.`;
  }
  return { nl: nl + caveat.nl, en: en + caveat.en };
}

// Bands follow Moodle's guidance: 0.5+ very good, 0.3-0.5 adequate, 0.2-0.3 weak, below that
// very weak, negative: the question probably misleads the students who know the material.
export function discriminationNote(discrimination: number | null): Localized {
  if (discrimination === null) {
    return {
      nl: 'Nog niet te berekenen: er zijn minstens twee afgeronde pogingen nodig met verschillende scores.',
      en: 'Not computable yet: it needs at least two finished attempts with different scores.',
    };
  }
  const d = discrimination.toFixed(2);
  if (discrimination >= 0.5) {
    return { nl: `Onderscheidt zeer goed (${d}): wie de rest goed maakte, had ook deze vraag goed.`, en: `Discriminates very well (${d}): students who did well on the rest also got this one right.` };
  }
  if (discrimination >= 0.3) {
    return { nl: `Onderscheidt voldoende (${d}): sterkere leerlingen scoren hier meestal beter.`, en: `Discriminates adequately (${d}): stronger students usually score better here.` };
  }
  if (discrimination >= 0) {
    return { nl: `Onderscheidt zwak (${d}): de score hangt weinig samen met de rest; kijk of de vraag iets anders meet of te veel gokwerk is.`, en: `Discriminates weakly (${d}): the score is barely related to the rest; check whether it measures something else or invites guessing.` };
  }
  return { nl: `Negatief (${d}): juist sterkere leerlingen hadden deze vraag fout. Controleer de sleutel en de formulering.`, en: `Negative (${d}): it is the stronger students who got this wrong. Check the key and the wording.` };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
