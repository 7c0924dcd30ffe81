// The article of a lesson as the editor needs it: its sentences split exactly as they are served
// (lessons/article.ts splitArticle), joined as lessons/anchors.ts joins them for quotes, and the
// analysis of those sentences for the question starters.
import { splitArticle } from '../../../../lessons/article.ts';
import type { ArticleFile } from '../../../../lessons/format.ts';
import { analyseSpans, type Analysis } from '../../../../lessons/text/analysis.ts';
import type { PickerArticle } from './quote-picker.tsx';

export function pickerArticle(file: Pick<ArticleFile, 'title' | 'language' | 'text' | 'boundaries'>): { article: PickerArticle; analysis: Analysis } {
  const split = splitArticle(file.text, file.boundaries ?? {}, file.language);
  const sentences: PickerArticle['sentences'] = [];
  const spans: { start: number; end: number; paragraph: number }[] = [];
  let text = '';
  split.paragraphs.forEach((p, paragraph) => {
    for (const s of p.sentences) {
      if (text) text += ' ';
      sentences.push({ id: `${sentences.length}`, text: s.text, start: text.length, end: text.length + s.text.length, paragraph, heading: p.kind === 'heading' });
      spans.push({ start: s.start, end: s.end, paragraph });
      text += s.text;
    }
  });
  return { article: { title: file.title, language: file.language, text, sentences }, analysis: analyseSpans(file.text, spans, { language: file.language }) };
}
