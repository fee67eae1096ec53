// Structured JSON logs. Secrets never reach them: the redact list covers the
// fields where they could appear.
import pino from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "concord" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: ["password", "*.password", "token", "*.token", "sessionId", "*.sessionId", "cookie", "*.cookie", "headers.cookie", "headers.authorization", "totp", "*.totp"],
    censor: "[redacted]",
  },
});

/** Security-relevant events (sign-in, denials, validation failures) share one shape. */
export function securityEvent(
  event:
    | "login.success"
    | "login.failure"
    | "login.throttled"
    | "login.repeatedFailures"
    | "permission.denied"
    | "validation.failure"
    | "csrf.refused"
    | "request.refused"
    | "totp.failure",
  details: Record<string, unknown> = {},
) {
  const level = event === "login.success" ? "info" : "warn";
  logger[level]({ security: event, ...details }, event);
}
