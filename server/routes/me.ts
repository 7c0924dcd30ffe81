// GET /api/me: who is signed in and as what (teacher, student in a class, self-study learner, or
// nobody). Every page asks it, so it answers 200 for everyone.
import { eq } from 'drizzle-orm';
import { classes, teachers } from '../../db/schema.ts';
import type { Me } from '../api-types.ts';
import { factory } from '../env.ts';
import { getSession } from '../session.ts';
import { teacherMe } from './auth.ts';

export const meRoutes = factory.createApp().get('/', async (c) => {
  const session = await getSession(c);
  let me: Me = { role: null };
  if (session?.teacherId) {
    const [t] = await c.var.db.select().from(teachers).where(eq(teachers.id, session.teacherId)).limit(1);
    if (t) me = teacherMe(t);
  } else if (session?.learner?.kind === 'student') {
    const l = session.learner;
    const [klass] = l.classId ? await c.var.db.select({ name: classes.name }).from(classes).where(eq(classes.id, l.classId)).limit(1) : [];
    me = { role: 'student', id: l.id, name: l.displayName ?? undefined, classId: l.classId ?? undefined, className: klass?.name };
  } else if (session?.learner) {
    me = { role: 'learner', id: session.learner.id };
  }
  return c.json(me, 200);
});
