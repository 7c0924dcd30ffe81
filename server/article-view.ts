// The article as a learner's page shows it: in a lesson (api-types.ts) and in live mode
// (live/types.ts). A module of its own so that both can import it without a cycle.
import type { ContextCard, Localized } from '../lessons/format.ts';
import type { Paragraph } from '../lessons/model.ts';

export interface ArticleView {
  title: string;
  language: string;
  source: { name: string; url: string; published: string };
  credit: Localized;
  paragraphs: Paragraph[];
  /** Background the learner reads before the article. */
  contextCard?: ContextCard;
}
