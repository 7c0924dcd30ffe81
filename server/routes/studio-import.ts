// POST /api/studio/import: a zip in the repository's format (article.yaml and one lesson file),
// sent as the body (application/zip) or as the `file` field of a form, becomes a new lesson of the
// teacher's, with its article. Any problem answers 422 with each problem's file and line, and
// nothing is stored.
import { checkDraft } from '../../lessons/authoring.ts';
import { factory } from '../env.ts';
import { problem } from '../errors.ts';
import { requireTeacher } from '../guards.ts';
import { importZip } from '../studio/files.ts';
import { createLesson } from './studio-lessons.ts';

const ZIP_TYPES = new Set(['application/zip', 'application/x-zip-compressed', 'application/octet-stream']);

export const studioImportRoutes = factory.createApp().post('/', requireTeacher, async (c) => {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  let bytes: Uint8Array;
  if (ZIP_TYPES.has(type)) bytes = new Uint8Array(await c.req.arrayBuffer());
  else if (type === 'multipart/form-data') {
    const file = (await c.req.parseBody())['file'];
    if (!(file instanceof File)) throw problem(422, 'Send the zip as the form field "file".', { type: 'invalid-input', errors: [{ path: 'file', message: 'missing file' }] });
    bytes = new Uint8Array(await file.arrayBuffer());
  } else {
    throw problem(415, 'Send the zip as the body (Content-Type: application/zip) or as the form field "file".', { type: 'unsupported-media-type' });
  }
  const imported = importZip(bytes);
  if (!imported.ok) {
    const count = imported.problems.length;
    throw problem(422, `The zip has ${count} problem(s); nothing was imported.`, {
      type: 'import-has-problems',
      errors: imported.problems.map((p) => ({ path: `${p.file}:${p.line}`, message: p.message })),
      problems: imported.problems,
    });
  }
  const created = await createLesson(c.var.db, c.var.lessons, c.var.teacherId, c.var.now(), {
    article: imported.article,
    draft: (slug) => ({ ...imported.draft, slug }),
    keep: { articleId: imported.article.id, slug: imported.draft.slug },
  });
  // Where the file's ids were taken, the lesson got new ones, and with them a new version.
  const same = created.articleId === imported.article.id && created.slug === imported.draft.slug;
  const version = same ? imported.lesson.version : checkDraft({ ...imported.article, id: created.articleId }, { ...imported.draft, slug: created.slug }).lesson?.version;
  return c.json({ id: created.id, version: version ?? imported.lesson.version }, 201);
});
