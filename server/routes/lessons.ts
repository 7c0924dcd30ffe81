// The catalog: GET /api/lessons and GET /api/lessons/:slug (the lesson and its article, without
// questions: those are only shown inside an attempt, shuffled for it). A lesson's JSON is fixed
// per version, so repeat loads are answered 304 by its ETag. GET /api/lessons/:slug/guide is the
// teacher's guide, and GET /api/lessons/:slug/preview the questions with their keys: teachers only,
// since they hold the answers. A lesson written in the studio is not in the catalog: only its
// author, teachers it is shared with and students it is assigned to read it.
import { createHash } from 'node:crypto';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import { parseAccept } from 'hono/utils/accept';
import type { Context, TypedResponse } from 'hono';
import { publicQuestion, review, type Lesson } from '../../lessons/index.ts';
import type { LessonDetail, LessonGuideView, LessonPreview, LessonSummary } from '../api-types.ts';
import { factory, type AppEnv } from '../env.ts';
import { notFound } from '../errors.ts';
import { requireTeacher } from '../guards.ts';
import type { LessonStore } from '../lesson-store.ts';
import { getSession } from '../session.ts';
import { readableStudioLesson } from '../studio/reader.ts';

export function lessonSummary(lesson: Lesson): LessonSummary {
  return {
    slug: lesson.slug,
    title: lesson.title,
    summary: lesson.summary,
    language: lesson.article.language,
    minutes: lesson.minutes,
    skills: lesson.skills,
    questionCount: lesson.questions.length,
  };
}

export function lessonDetail(lesson: Lesson): LessonDetail {
  const { article } = lesson;
  const translations = Object.entries(article.translations ?? {});
  return {
    ...lessonSummary(lesson),
    version: lesson.version,
    goals: lesson.goals,
    article: {
      title: article.title,
      language: article.language,
      source: article.source,
      credit: article.credit,
      paragraphs: article.paragraphs,
      ...(article.contextCard ? { contextCard: article.contextCard } : {}),
    },
    ...(translations.length ? { translation: Object.fromEntries(translations) } : {}),
  };
}

/** An If-None-Match header names one of these entity tags (or any, with *); weak tags match too (RFC 9110 13.1.2). */
export function matchesETag(ifNoneMatch: string | undefined, ...etags: string[]): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || etags.includes(t.replace(/^W\//, ''));
  });
}

// A lesson version never changes and the store's list is fixed at start: serialize each once, to
// UTF-8 bytes, so a response neither encodes the text again nor measures its length (an article
// is some 11 KB).
const catalogJson = new WeakMap<readonly Lesson[], Uint8Array<ArrayBuffer>>();
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const utf8 = (text: string) => new TextEncoder().encode(text);
/** JSON serialized ahead of time, typed as the object it encodes (for hc). */
const jsonText = <T>(c: Context, json: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
  c.body(json, 200, { ...JSON_HEADERS, ...headers }) as unknown as TypedResponse<T, 200, 'json'>;

// A lesson's JSON is also kept compressed, made once per version when first asked for: a class
// loading the lesson on one school connection gets a quarter of the bytes (11 KB of article and
// goals are 3-4 KB in brotli or gzip), and no request spends time compressing. Each encoding is a
// representation of its own, with its own entity tag (RFC 9110 8.8.3) and Vary: Accept-Encoding.
type Encoding = 'br' | 'gzip' | 'identity';
interface Representation {
  body: Uint8Array<ArrayBuffer>;
  full: Record<string, string>;
  notModified: Record<string, string>;
}
interface Detail {
  json: Uint8Array<ArrayBuffer>;
  /** The identity representation's tag; the others add -br or -gzip to it. */
  etag: string;
  etags: string[];
  representations: Partial<Record<Encoding, Representation>>;
}
const details = new WeakMap<Lesson, Detail>();

function detailOf(lesson: Lesson): Detail {
  let detail = details.get(lesson);
  if (detail === undefined) {
    const json = utf8(JSON.stringify(lessonDetail(lesson)));
    // The version names the content; the digest covers how this server shapes it, so a new
    // release that changes the shape is not answered 304 from a browser's old copy.
    const etag = `"${lesson.version}-${createHash('sha256').update(json).digest('base64url').slice(0, 8)}"`;
    detail = { json, etag, etags: [etag, tagFor(etag, 'br'), tagFor(etag, 'gzip')], representations: {} };
    details.set(lesson, detail);
  }
  return detail;
}

const tagFor = (etag: string, encoding: Encoding) => (encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`);

function representationOf(detail: Detail, encoding: Encoding): Representation {
  let found = detail.representations[encoding];
  if (found === undefined) {
    const body =
      encoding === 'br'
        ? brotliCompressSync(detail.json, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: detail.json.length } })
        : encoding === 'gzip'
          ? gzipSync(detail.json, { level: zlib.constants.Z_BEST_COMPRESSION })
          : detail.json;
    // no-cache, not immutable: the slug's current version changes when the lesson does, so every
    // load asks; a browser that has this version gets 304 and no body.
    const notModified = { etag: tagFor(detail.etag, encoding), 'cache-control': 'no-cache', vary: 'Accept-Encoding' };
    found = {
      body: new Uint8Array(body),
      notModified,
      full: {
        ...notModified,
        'content-type': 'application/json',
        ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
        'content-length': String(body.byteLength),
      },
    };
    detail.representations[encoding] = found;
  }
  return found;
}

// Browsers send one of a few Accept-Encoding values: each is read once.
const encodingByHeader = new Map<string, Encoding>();
function encodingOf(header: string | undefined): Encoding {
  if (!header) return 'identity';
  let encoding = encodingByHeader.get(header);
  if (encoding === undefined) {
    const list = parseAccept(header);
    const q = (name: string) => list.find((a) => a.type.toLowerCase() === name)?.q ?? list.find((a) => a.type === '*')?.q ?? 0;
    const [br, gzip] = [q('br'), q('gzip')];
    // The higher q wins; at the same q brotli (the smaller), as browsers list gzip first.
    encoding = br <= 0 && gzip <= 0 ? 'identity' : br >= gzip ? 'br' : 'gzip';
    if (encodingByHeader.size >= 64) encodingByHeader.clear();
    encodingByHeader.set(header, encoding);
  }
  return encoding;
}

/** A catalog lesson's answer to GET /api/lessons/:slug, made of bytes and headers kept per version. */
export interface LessonDocument {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

/**
 * GET /api/lessons/:slug for a lesson of the catalog: the representation this Accept-Encoding
 * takes, or 304 when If-None-Match names one of the version's tags. Undefined when the slug is not
 * in the catalog (a studio lesson, read per session by the route, or none). The route answers with
 * it, and so does server/front.ts, which serves it without going through the app.
 */
export function lessonDocument(lessons: LessonStore, slug: string, acceptEncoding: string | undefined, ifNoneMatch: string | undefined): LessonDocument | undefined {
  const lesson = lessons.current(slug);
  if (!lesson) return undefined;
  const detail = detailOf(lesson);
  const representation = representationOf(detail, encodingOf(acceptEncoding));
  return matchesETag(ifNoneMatch, ...detail.etags)
    ? { status: 304, headers: representation.notModified, body: null }
    : { status: 200, headers: representation.full, body: representation.body };
}

export const lessonRoutes = factory.createApp()
  .get('/', (c) => {
    const list = c.get('lessons').list();
    let json = catalogJson.get(list);
    if (json === undefined) {
      json = utf8(JSON.stringify({ lessons: list.map(lessonSummary) }));
      catalogJson.set(list, json);
    }
    return jsonText<{ lessons: LessonSummary[] }>(c, json);
  })
  .get('/:slug', (c) => {
    const slug = c.req.param('slug');
    const document = lessonDocument(c.get('lessons'), slug, c.req.header('Accept-Encoding'), c.req.header('If-None-Match'));
    // Not a built-in lesson: one written in the studio, perhaps (kept off this synchronous path).
    if (!document) return studioLessonDetail(c, slug);
    // The response is built with its headers as a plain object, as the bytes are: @hono/node-server
    // writes such a response as it is, without a web Headers object in between.
    if (document.status === 304) return new Response(null, { status: 304, headers: document.headers }) as unknown as TypedResponse<null, 304, 'body'>;
    return new Response(document.body, { status: 200, headers: document.headers }) as unknown as TypedResponse<LessonDetail, 200, 'json'>;
  })
  .get('/:slug/guide', requireTeacher, (c) => {
    const lesson = c.get('lessons').current(c.req.param('slug'));
    if (!lesson?.guide) throw notFound(`There is no guide for a lesson '${c.req.param('slug')}'.`);
    return c.json(lessonGuideView(lesson, lesson.guide));
  })
  // The lesson as a student will see it, with the key and explanation of each question: for a
  // teacher to look through before assigning it. Teachers only, like the guide.
  .get('/:slug/preview', requireTeacher, (c) => {
    const lesson = c.var.lessons.current(c.req.param('slug'));
    if (!lesson) throw notFound(`There is no lesson '${c.req.param('slug')}'.`);
    const view: LessonPreview = {
      lesson: lessonDetail(lesson),
      // One fixed seed: the options' tokens in the question and in its key agree.
      questions: lesson.questions.map((q) => ({ question: publicQuestion(q, PREVIEW_SEED), review: review(q, PREVIEW_SEED), points: q.points })),
    };
    return c.json(view, 200);
  });

const PREVIEW_SEED = 'teacher-preview';

/** A published studio lesson, for those who may read it (server/studio/reader.ts): not public,
 * read per session, never cached; anyone else gets the 404 of a missing lesson. */
async function studioLessonDetail(c: Context<AppEnv>, slug: string) {
  const authored = await readableStudioLesson(c.get('db'), c.get('lessons'), await getSession(c), slug);
  if (!authored) throw notFound(`There is no lesson '${slug}'.`);
  return jsonText<LessonDetail>(c, utf8(JSON.stringify(lessonDetail(authored))));
}

function lessonGuideView(lesson: Lesson, guide: NonNullable<Lesson['guide']>): LessonGuideView {
  return {
    slug: lesson.slug,
    title: lesson.title,
    minutes: lesson.minutes,
    goals: lesson.goals,
    questions: lesson.questions.map((q) => ({ id: q.id, type: q.type, prompt: q.prompt, points: q.points })),
    guide,
  };
}
