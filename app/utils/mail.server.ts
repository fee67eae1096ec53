// Outgoing mail, only when SMTP_URL is configured; otherwise nothing is sent
// and the caller shows the link to the person who needs it.
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "./env.server";
import { logger } from "./logger.server";

let transport: Transporter | null | undefined;

function getTransport() {
  if (transport === undefined) {
    const url = getEnv().SMTP_URL;
    transport = url ? nodemailer.createTransport(url) : null;
  }
  return transport;
}

export function mailConfigured(): boolean {
  return getTransport() !== null;
}

/** Sends a plain-text mail; returns whether it was handed to the SMTP server. */
export async function sendMail({ to, subject, text }: { to: string; subject: string; text: string }): Promise<boolean> {
  const t = getTransport();
  if (!t) return false;
  try {
    await t.sendMail({ from: getEnv().MAIL_FROM, to, subject, text });
    return true;
  } catch (error) {
    logger.error({ err: error }, "mail could not be sent");
    return false;
  }
}
