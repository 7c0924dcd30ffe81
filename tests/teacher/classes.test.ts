// Classes, joining with a join code, resuming with a resume code, and the walls between
// teachers and between students.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ClassView } from '../../server/api-types.ts';
import { Browser, count, testServer, type TestServer } from '../api/helpers.ts';
import { createClass, del, joinClass, patch, registerTeacher } from './helpers.ts';
import { CLASS_SIZE_MAX } from '../../server/routes/join.ts';

let server: TestServer;
beforeEach(async () => {
  server = await testServer();
});
afterEach(() => server.close());

test('a teacher creates, lists, renames and archives classes; the join code is shown grouped', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t, '3B');
  expect(k).toMatchObject({ name: '3B', archived: false, students: [] });
  expect(k.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{3}-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{3}$/);
  await createClass(t, '3A');
  const list: { classes: ClassView[] } = await (await t.get('/api/classes')).json();
  expect(list.classes.map((c) => c.name)).toEqual(['3A', '3B']);
  const renamed = await patch(t, `/api/classes/${k.id}`, { name: '3B havo' });
  expect(await renamed.json()).toMatchObject({ name: '3B havo', archived: false });
  const archived = await patch(t, `/api/classes/${k.id}`, { archived: true });
  expect(await archived.json()).toMatchObject({ archived: true });
  expect((await patch(t, `/api/classes/${k.id}`, { name: '' })).status).toBe(422);
});

test('students join with the code in any case, with or without dash, and get a student session', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  const { browser: sam, result } = await joinClass(server, k.joinCode.toLowerCase().replace('-', ''), '  Sam   B ');
  expect(result).toMatchObject({ displayName: 'Sam B', classId: k.id, className: '3B' });
  expect(result.resumeCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  expect(await (await sam.get('/api/me')).json()).toMatchObject({ role: 'student', name: 'Sam B', classId: k.id, className: '3B' });
  const view: ClassView = await (await t.get(`/api/classes/${k.id}`)).json();
  expect(view.students.map((s) => s.displayName)).toEqual(['Sam B']);
  // Only the hash of the resume code is stored.
  const rs = await server.database.client.execute('SELECT resume_code_hash FROM learners');
  expect(String(rs.rows[0].resume_code_hash)).toMatch(/^[0-9a-f]{64}$/);
  expect(JSON.stringify(rs.rows)).not.toContain(result.resumeCode.replace(/-/g, ''));
});

test('a display name is unique in the class regardless of case; 1 to 40 characters', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  const other = await createClass(t, '3C');
  await joinClass(server, k.joinCode, 'Noor');
  const dup = await new Browser(server).post('/api/join', { joinCode: k.joinCode, displayName: 'NOOR ' });
  expect(dup.status).toBe(409);
  // The same name in another class is fine.
  await joinClass(server, other.joinCode, 'Noor');
  expect((await new Browser(server).post('/api/join', { joinCode: k.joinCode, displayName: '   ' })).status).toBe(422);
  expect((await new Browser(server).post('/api/join', { joinCode: k.joinCode, displayName: 'x'.repeat(41) })).status).toBe(422);
  expect((await new Browser(server).post('/api/join', { joinCode: 'ZZZ-ZZZ', displayName: 'Sam' })).status).toBe(404);
  expect(await count(server, 'learners')).toBe(2);
});

test('unknown join codes are limited over the whole server (429), but a student with the right code always gets in', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  // A wrong code is counted; a right one is not.
  expect((await new Browser(server).post('/api/join', { joinCode: 'ZZZ-ZZZ', displayName: 'Sam' })).status).toBe(404);
  await joinClass(server, k.joinCode, 'Noor');
  expect(await count(server, 'login_failures', "email = 'join:*'")).toBe(1);
  // 300 unknown codes this minute, from anyone (as another instance would have counted them).
  const now = server.clock.now.getTime();
  for (let i = 0; i < 299; i++) {
    await server.database.client.execute({ sql: "INSERT INTO login_failures (email, at) VALUES ('join:*', ?)", args: [now - 1000] });
  }
  const limited = await new Browser(server).post('/api/join', { joinCode: 'ZZZ-ZZY', displayName: 'Sam' });
  expect(limited.status).toBe(429);
  expect(limited.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
  await joinClass(server, k.joinCode, 'Sam');
  server.clock.now = new Date(now + 61_000);
  expect((await new Browser(server).post('/api/join', { joinCode: 'ZZZ-ZZY', displayName: 'Sam' })).status).toBe(404);
});

test(`a class takes at most ${CLASS_SIZE_MAX} students: then 409 class-full, until one leaves`, async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  await server.database.client.batch(
    Array.from({ length: CLASS_SIZE_MAX - 1 }, (_, i) => ({
      sql: "INSERT INTO learners (id, kind, class_id, display_name, display_name_key) VALUES (?, 'student', ?, ?, ?)",
      args: [`s${i}`, k.id, `Student ${i}`, `student ${i}`],
    })),
    'write',
  );
  await joinClass(server, k.joinCode, 'Noor');
  const full = await new Browser(server).post('/api/join', { joinCode: k.joinCode, displayName: 'Sam' });
  expect(full.status).toBe(409);
  expect((await full.json()).type).toBe('/problems/class-full');
  expect(await count(server, 'learners', 'class_id = ?', [k.id])).toBe(CLASS_SIZE_MAX);
  expect((await del(t, `/api/classes/${k.id}/students/s0`)).status).toBe(204);
  await joinClass(server, k.joinCode, 'Sam');
  // A taken name in a class that is not full is still name-taken.
  await server.database.client.execute({ sql: "DELETE FROM learners WHERE id = 's1'" });
  const dup = await new Browser(server).post('/api/join', { joinCode: k.joinCode, displayName: 'noor' });
  expect(dup.status).toBe(409);
  expect((await dup.json()).type).toBe('/problems/name-taken');
});

test('display names: NFC, white space collapsed, no invisible or control characters, a letter or digit; 422 names displayName', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  const refused = [
    'Sam\u0000', // control
    'Sam\u0007B', // control (bell)
    'Sam\u200B', // zero-width space (format)
    'Sam\u202Eevil', // right-to-left override (format)
    '\u00ADSam', // soft hyphen (format)
    'Sam\uE000', // private use
    'Sam\uD800', // lone surrogate
    'Sam\uDC00B', // lone surrogate
    '\u0378Sam', // unassigned
    '!!!',
    '- . -',
    '\u0301\u0301', // combining marks only
    '   ',
    'x'.repeat(41),
  ];
  for (const displayName of refused) {
    const res = await new Browser(server).post('/api/join', { joinCode: k.joinCode, displayName });
    expect(res.status, JSON.stringify(displayName)).toBe(422);
    const body = await res.json();
    expect(body.errors, JSON.stringify(displayName)).toEqual([{ path: 'displayName', message: expect.any(String) }]);
  }
  expect(await count(server, 'learners')).toBe(0);

  // Accepted, stored NFC with white space collapsed.
  const { result: zoe } = await joinClass(server, k.joinCode, ' Zoe\u0308\t\n van  Dijk ');
  expect(zoe.displayName).toBe('Zo\u00EB van Dijk');
  expect((await joinClass(server, k.joinCode, '🦊 Vos')).result.displayName).toBe('🦊 Vos');
  expect((await joinClass(server, k.joinCode, '李华')).result.displayName).toBe('李华');
  expect((await joinClass(server, k.joinCode, 'R2')).result.displayName).toBe('R2');
  await joinClass(server, k.joinCode, 'Straße');
  await joinClass(server, k.joinCode, 'Sam');
  expect((await joinClass(server, k.joinCode, 'x'.repeat(40))).result.displayName).toHaveLength(40);

  // Unique on the normalized, case-folded form.
  for (const same of ['ZOË VAN DIJK', 'Zo\u00EB van dijk', 'STRASSE', 'strasse', 'Ｓａｍ', 'SAM']) {
    const res = await new Browser(server).post('/api/join', { joinCode: k.joinCode, displayName: same });
    expect(res.status, same).toBe(409);
    expect((await res.json()).type).toBe('/problems/name-taken');
  }
});

test('an archived class takes no new students', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  await patch(t, `/api/classes/${k.id}`, { archived: true });
  const res = await new Browser(server).post('/api/join', { joinCode: k.joinCode, displayName: 'Sam' });
  expect(res.status).toBe(410);
});

test('the resume code brings the student back on another device, in any case and grouping', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  const { result } = await joinClass(server, k.joinCode, 'Sam');
  const tablet = new Browser(server);
  const res = await tablet.post('/api/resume', { resumeCode: result.resumeCode.toLowerCase().replace(/-/g, ' ') });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ role: 'student', name: 'Sam', classId: k.id });
  expect(await (await tablet.get('/api/me')).json()).toMatchObject({ role: 'student', name: 'Sam' });
  expect((await new Browser(server).post('/api/resume', { resumeCode: 'AAAA-BBBB-CCCC' })).status).toBe(404);
});

test('wrong resume codes are limited per first group: the 11th wrong try in 15 minutes gets 429, the right code still works', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  const { result } = await joinClass(server, k.joinCode, 'Sam');
  const [first] = result.resumeCode.split('-');
  const guess = (i: number) => `${first}-${'ABCDEFGHJK'[i]}AAA-AAAA`;
  for (let i = 0; i < 10; i++) expect((await new Browser(server).post('/api/resume', { resumeCode: guess(i) })).status).toBe(404);
  const limited = await new Browser(server).post('/api/resume', { resumeCode: `${first}-MAAA-AAAA` });
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
  // The guesser does not lock the student out: the right code is looked up first and always works.
  expect((await new Browser(server).post('/api/resume', { resumeCode: result.resumeCode })).status).toBe(200);
  server.clock.now = new Date(server.clock.now.getTime() + 16 * 60_000);
  expect((await new Browser(server).post('/api/resume', { resumeCode: `${first}-MAAA-AAAA` })).status).toBe(404);
});

test('wrong resume codes over the whole server are limited (429), but never a student with the right code', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  const { result } = await joinClass(server, k.joinCode, 'Sam');
  // 300 wrong guesses this minute, from anyone (as another instance would have counted them).
  const now = server.clock.now.getTime();
  for (let i = 0; i < 300; i++) {
    await server.database.client.execute({ sql: "INSERT INTO login_failures (email, at) VALUES ('resume:*', ?)", args: [now - 1000] });
  }
  const limited = await new Browser(server).post('/api/resume', { resumeCode: 'AAAA-BBBB-CCCC' });
  expect(limited.status).toBe(429);
  expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
  const back = await new Browser(server).post('/api/resume', { resumeCode: result.resumeCode });
  expect(back.status).toBe(200);
  expect(await back.json()).toMatchObject({ role: 'student', name: 'Sam' });
  // A successful resume is not counted as a failure.
  expect(await count(server, 'login_failures', "email = 'resume:*'")).toBe(300);
});

test("a teacher never reaches another teacher's class, roster or students", async () => {
  const { browser: anna } = await registerTeacher(server);
  const { browser: bas } = await registerTeacher(server, 'bas@school.nl', 'Bas');
  const k = await createClass(anna);
  const { result } = await joinClass(server, k.joinCode, 'Sam');
  const [sam] = (await (await anna.get(`/api/classes/${k.id}`)).json()).students;
  expect((await bas.get(`/api/classes/${k.id}`)).status).toBe(404);
  expect((await patch(bas, `/api/classes/${k.id}`, { name: 'mine' })).status).toBe(404);
  expect((await (await bas.get('/api/classes')).json()).classes).toEqual([]);
  expect((await bas.get(`/api/classes/${k.id}/students/${sam.id}/export`)).status).toBe(404);
  expect((await del(bas, `/api/classes/${k.id}/students/${sam.id}`)).status).toBe(404);
  expect(await count(server, 'learners')).toBe(1);
  expect(result.displayName).toBe('Sam');
});

test('students and visitors never reach teacher endpoints', async () => {
  const { browser: t } = await registerTeacher(server);
  const k = await createClass(t);
  const { browser: sam } = await joinClass(server, k.joinCode, 'Sam');
  const visitor = new Browser(server);
  for (const who of [sam, visitor]) {
    expect((await who.get('/api/classes')).status).toBe(401);
    expect((await who.post('/api/classes', { name: 'x' })).status).toBe(401);
    expect((await who.get(`/api/classes/${k.id}`)).status).toBe(401);
    expect((await patch(who, `/api/classes/${k.id}`, { archived: true })).status).toBe(401);
    expect((await who.post(`/api/classes/${k.id}/assignments`, { lessonSlug: 'x', mode: 'test' })).status).toBe(401);
  }
  expect((await visitor.get('/api/assignments')).status).toBe(401);
  // A teacher cannot join a class as a student by accident.
  expect((await t.post('/api/join', { joinCode: k.joinCode, displayName: 'Juf' })).status).toBe(403);
});
