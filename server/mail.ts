// Outgoing mail (password reset links) over SMTP with nodemailer, when SMTP_URL is configured.
// Messages are plain text; what is logged about a failure is its SMTP code, never the recipient
// or the message (which carries a token).
import { createTransport } from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** A mailer on the SMTP server at `smtpUrl` (smtp://user:pass@host:587 or smtps://...:465). */
export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** What may be logged of a failed send: the error's name and SMTP code and command, no text. */
export function mailFailure(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: 'unknown' };
  const e = error as Error & { code?: unknown; responseCode?: unknown; command?: unknown };
  return { error: e.name, code: e.code, responseCode: e.responseCode, command: e.command };
}
