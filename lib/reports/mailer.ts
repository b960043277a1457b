import "server-only";
// E-mail through nodemailer, configured by the environment; off when SMTP_HOST/SMTP_PORT/SMTP_FROM are absent.
import nodemailer from "nodemailer";
import { z } from "zod";

const SmtpEnvSchema = z.object({
  SMTP_HOST: z.string().min(1),
  SMTP_PORT: z.coerce.number().int().positive(),
  SMTP_FROM: z.string().min(3),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  /** "true": implicit TLS (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: z.enum(["true", "false"]).optional(),
});

export type Mail = { to: string; subject: string; text: string };
export type Mailer = { from: string; send: (mail: Mail) => Promise<void> };

/** Null when e-mail is not configured (reminders are then skipped, not faked). */
export function mailerFromEnv(env: Record<string, string | undefined> = process.env): Mailer | null {
  const parsed = SmtpEnvSchema.safeParse(env);
  if (!parsed.success) return null;
  const c = parsed.data;
  const transport = nodemailer.createTransport({
    host: c.SMTP_HOST,
    port: c.SMTP_PORT,
    secure: c.SMTP_SECURE === "true",
    auth: c.SMTP_USER ? { user: c.SMTP_USER, pass: c.SMTP_PASS ?? "" } : undefined,
  });
  return {
    from: c.SMTP_FROM,
    send: async (mail) => {
      await transport.sendMail({ from: c.SMTP_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
