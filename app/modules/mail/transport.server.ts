// The SMTP connection (nodemailer), from SMTP_URL. Without it, mail stays in
// the outbox and the secretariat reads it at /:lang/admin/outbox.
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "~/utils/env.server";

export type MailTransport = Pick<Transporter, "sendMail">;

let configured: MailTransport | null | undefined;

export function configuredTransport(): MailTransport | null {
  if (configured === undefined) {
    const url = getEnv().SMTP_URL;
    configured = url ? nodemailer.createTransport(url) : null;
  }
  return configured;
}

/** Replaces the configured transport (tests, or a start-up that built its own). */
export function setMailTransport(transport: MailTransport | null): void {
  configured = transport;
}
