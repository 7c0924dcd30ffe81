// Administrator commands, run on the server's machine with its configuration (DATABASE_URL...):
//
//   npm run admin -- reset-code <email>
//
// issues a one-time password reset code for a teacher who cannot sign in and prints it once: the
// administrator hands it over (in person, by phone), the teacher enters it under "Wachtwoord
// vergeten?" on the sign-in page. Valid 24 hours; a new code replaces the previous one.
import { eq } from 'drizzle-orm';
import { openDatabase } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { teachers } from '../db/schema.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { issueReset, RESET_TTL_MS } from '../server/security/password-reset.ts';

const USAGE = 'Usage: npm run admin -- reset-code <email>\n';

async function main(args: string[]): Promise<number> {
  const [command, address, ...rest] = args;
  if (command !== 'reset-code' || !address || rest.length) {
    process.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database.db);
    const [teacher] = await database.db.select().from(teachers).where(eq(teachers.email, address.trim().toLowerCase())).limit(1);
    if (!teacher) {
      process.stderr.write('No teacher account has this e-mail address. Check the spelling (the address they signed up with).\n');
      return 1;
    }
    const { token, expiresAt } = await issueReset(database.db, teacher.id, 'code', new Date());
    const where = config.publicUrl ? new URL('/reset-password', config.publicUrl).href : 'the sign-in page, "Wachtwoord vergeten?"';
    process.stdout.write(
      `Reset code for ${teacher.name} <${teacher.email}>:\n\n    ${token}\n\n` +
        `It works once, until ${expiresAt.toISOString()} (${RESET_TTL_MS.code / 3_600_000} hours), and replaces any earlier code.\n` +
        `Hand it over in person or by phone; it is not shown again. The teacher enters it at ${where}.\n`,
    );
    return 0;
  } finally {
    database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(error instanceof ConfigError ? `Configuration error: ${error.message}\n` : `Failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
