// A real SMTP server on loopback for tests (smtp-server), and the transport
// that sends to it: mail leaves Concord exactly as in production.
import nodemailer from "nodemailer";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { setMailTransport } from "~/modules/mail/transport.server";

export type ReceivedMail = { to: string; parsed: ParsedMail; raw: string };

export type TestSmtp = {
  port: number;
  received: ReceivedMail[];
  /** Answer the next RCPT TO commands with this SMTP code (451: try later; 550: no such mailbox). */
  refuseWith: (code: number | null) => void;
  /** Sends Concord's mail to this server again (after a test removed the transport). */
  useAsTransport: () => void;
  close: () => Promise<void>;
};

export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  let refusal: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refusal) {
        const error = new Error(refusal >= 500 ? "No such mailbox" : "Try again later") as Error & { responseCode: number };
        error.responseCode = refusal;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        void simpleParser(raw).then((parsed) => {
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, parsed, raw });
          callback();
        }, callback);
      });
    },
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port)));
  const useAsTransport = () => setMailTransport(nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }));
  useAsTransport();
  return {
    useAsTransport,
    port,
    received,
    refuseWith: (code) => {
      refusal = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The mails received for one address. */
export const mailsTo = (smtp: TestSmtp, address: string) => smtp.received.filter((m) => m.to === address);
