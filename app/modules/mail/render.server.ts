// Mails as the recipient reads them: in their interface language (right to
// left for Arabic and Persian), plain text and HTML, naming the object and
// linking to it, with one-click unsubscribe per category (RFC 8058).
import type { MailKind } from "~/generated/prisma/enums";
import { prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { directionOf, isLanguage, DEFAULT_LANGUAGE, type Language } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { CATEGORIES, DEFAULT_TIME_ZONE } from "~/modules/notification/categories";
import { presentNotices, type PresentedNotice } from "~/modules/notification/present.server";
import { unsubscribeToken } from "~/modules/notification/preferences.server";
import { DIGEST_MAX_ITEMS, DIGEST_UNSUBSCRIBE, UNSUBSCRIBE_PATH } from "./constants";

export type OutboxRow = { id: string; userId: string; kind: MailKind; category: string | null; notificationId: string | null; payload: unknown };

export type RenderedMail = {
  id: string;
  to: string;
  language: Language;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

/** The site's address for links in mail. */
export function siteOrigin(): string {
  const env = getEnv();
  return env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

type Recipient = { id: string; email: string; name: string; language: Language; timeZone: string; unsubscribeKey: string };

async function recipients(userIds: string[]): Promise<Map<string, Recipient>> {
  const ids = [...new Set(userIds)];
  // Every recipient has a settings row (it holds their unsubscribe key): made here if missing.
  await prisma.$executeRaw`INSERT INTO "NotificationSettings" ("userId") SELECT unnest(${ids}::uuid[]) ON CONFLICT DO NOTHING`;
  const [users, settings] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true, name: true, locale: true } }),
    prisma.notificationSettings.findMany({ where: { userId: { in: ids } }, select: { userId: true, timeZone: true, unsubscribeKey: true } }),
  ]);
  return new Map(
    users.map((u) => {
      const s = settings.find((x) => x.userId === u.id);
      return [
        u.id,
        {
          id: u.id,
          email: u.email,
          name: u.name,
          language: isLanguage(u.locale) ? u.locale : DEFAULT_LANGUAGE,
          timeZone: s?.timeZone ?? DEFAULT_TIME_ZONE,
          unsubscribeKey: s!.unsubscribeKey,
        },
      ];
    }),
  );
}

function unsubscribeUrl(r: Recipient, category: string): string {
  const query = new URLSearchParams({ u: r.id, c: category, t: unsubscribeToken(r.unsubscribeKey, r.id, category) });
  return `${siteOrigin()}${UNSUBSCRIBE_PATH}?${query}`;
}

type Body = {
  subject: string;
  intro?: string;
  blocks: { heading?: { text: string; language: string }; items: PresentedNotice[] }[];
  action?: { label: string; url: string };
  footer: string[];
  unsubscribe?: { category: string; label: string };
};

function layout(r: Recipient, body: Body, t: Awaited<ReturnType<typeof getFixedT>>) {
  const origin = siteOrigin();
  const dir = directionOf(r.language);
  const textLines: string[] = [t("mail.greeting", { name: r.name }), ""];
  if (body.intro) textLines.push(body.intro, "");
  const htmlParts: string[] = [`<p>${escapeHtml(t("mail.greeting", { name: r.name }))}</p>`];
  if (body.intro) htmlParts.push(`<p>${escapeHtml(body.intro)}</p>`);
  for (const block of body.blocks) {
    if (block.heading) {
      textLines.push(`## ${block.heading.text}`);
      htmlParts.push(`<h2 lang="${escapeHtml(block.heading.language)}" dir="auto" style="font-size:1.1em;margin:1.2em 0 0.4em">${escapeHtml(block.heading.text)}</h2>`);
    }
    htmlParts.push("<ul>");
    for (const item of block.items) {
      const url = `${origin}${item.href}`;
      textLines.push(`- ${item.text}`, `  ${url}`);
      const title = item.title
        ? `<cite lang="${escapeHtml(item.titleLanguage ?? r.language)}" dir="auto" style="font-style:normal;font-weight:bold">${escapeHtml(item.title)}</cite>`
        : "";
      htmlParts.push(
        `<li style="margin-block-end:0.6em">${escapeHtml(item.before)}${title}${escapeHtml(item.after)}<br><a href="${escapeHtml(url)}">${escapeHtml(t("mail.open"))}</a></li>`,
      );
    }
    htmlParts.push("</ul>");
    textLines.push("");
  }
  if (body.action) {
    textLines.push(body.action.label, body.action.url, "");
    htmlParts.push(`<p><a href="${escapeHtml(body.action.url)}" style="font-weight:bold">${escapeHtml(body.action.label)}</a></p>`);
  }
  const preferences = `${origin}/${r.language}/account/notifications`;
  textLines.push("--", ...body.footer, `${t("mail.preferences")}: ${preferences}`);
  htmlParts.push(
    `<hr><p style="color:#555;font-size:0.9em">${body.footer.map(escapeHtml).join("<br>")}<br><a href="${escapeHtml(preferences)}">${escapeHtml(t("mail.preferences"))}</a>`,
  );
  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated", "Content-Language": r.language };
  if (body.unsubscribe) {
    const url = unsubscribeUrl(r, body.unsubscribe.category);
    textLines.push(`${body.unsubscribe.label}: ${url}`);
    htmlParts.push(` · <a href="${escapeHtml(url)}">${escapeHtml(body.unsubscribe.label)}</a>`);
    headers["List-Unsubscribe"] = `<${url}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  }
  htmlParts.push("</p>");
  const html = `<!DOCTYPE html>
<html lang="${r.language}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(body.subject)}</title></head>
<body dir="${dir}" style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em;margin:0 auto;padding:1em;text-align:start">
${htmlParts.join("\n")}
</body>
</html>
`;
  return { subject: body.subject, text: `${textLines.join("\n")}\n`, html, headers };
}

/**
 * Renders outbox rows for delivery or for the outbox page: one query per kind
 * of data for the whole batch (recipients, notices, object names per language).
 */
export async function renderMails(rows: OutboxRow[]): Promise<Map<string, RenderedMail>> {
  const people = await recipients(rows.map((r) => r.userId));
  const noticeIds = new Set<string>();
  for (const row of rows) {
    if (row.kind === "NOTICE" && row.notificationId) noticeIds.add(row.notificationId);
    if (row.kind === "DIGEST") for (const id of digestIds(row.payload)) noticeIds.add(id);
  }
  const notices = noticeIds.size
    ? await prisma.notification.findMany({
        where: { id: { in: [...noticeIds] } },
        orderBy: { createdAt: "asc" },
        select: { id: true, userId: true, kind: true, category: true, objectType: true, objectId: true, proposalId: true, data: true, createdAt: true, readAt: true },
      })
    : [];
  // Present each recipient's notices in their language and time zone, grouped so each group is one batch.
  const groups = new Map<string, { language: Language; timeZone: string; ids: Set<string> }>();
  for (const n of notices) {
    const r = people.get(n.userId);
    if (!r) continue;
    const key = `${r.language}|${r.timeZone}`;
    const group = groups.get(key) ?? { language: r.language, timeZone: r.timeZone, ids: new Set<string>() };
    group.ids.add(n.id);
    groups.set(key, group);
  }
  const presented = new Map<string, PresentedNotice>();
  for (const group of groups.values()) {
    const list = await presentNotices(
      notices.filter((n) => group.ids.has(n.id)),
      { lang: group.language, timeZone: group.timeZone },
    );
    for (const p of list) presented.set(p.id, p);
  }

  const out = new Map<string, RenderedMail>();
  for (const row of rows) {
    const r = people.get(row.userId);
    if (!r) continue;
    const t = await getFixedT(r.language, "notifications");
    let body: Body;
    if (row.kind === "NOTICE") {
      const notice = row.notificationId ? presented.get(row.notificationId) : undefined;
      if (!notice) continue;
      body = {
        subject: notice.text,
        blocks: [{ items: [notice] }],
        footer: [t("mail.why", { category: t(`categories.${notice.category}.label`) })],
        unsubscribe:
          notice.category in CATEGORIES ? { category: notice.category, label: t("mail.unsubscribe", { category: t(`categories.${notice.category}.label`) }) } : undefined,
      };
    } else if (row.kind === "DIGEST") {
      const items = digestIds(row.payload)
        .map((id) => presented.get(id))
        .filter((n): n is PresentedNotice => Boolean(n));
      const shown = items.slice(0, DIGEST_MAX_ITEMS);
      body = {
        subject: t("mail.digestSubject", { count: items.length }),
        intro: items.length > shown.length ? t("mail.digestMore", { count: items.length - shown.length }) : undefined,
        blocks: groupByProposal(shown, { text: t("mail.digestOther"), language: r.language }),
        action: { label: t("mail.allNotices"), url: `${siteOrigin()}/${r.language}/notifications` },
        footer: [t("mail.digestWhy")],
        unsubscribe: { category: DIGEST_UNSUBSCRIBE, label: t("mail.unsubscribeDigest") },
      };
    } else {
      const token = (row.payload as { token?: string } | null)?.token;
      if (!token) continue;
      body = {
        subject: t("mail.confirmSubject"),
        intro: t("mail.confirmIntro", { email: r.email }),
        blocks: [],
        action: { label: t("mail.confirmAction"), url: `${siteOrigin()}/${r.language}/account/notifications/confirm?${new URLSearchParams({ token })}` },
        footer: [t("mail.confirmWhy")],
      };
    }
    out.set(row.id, { id: row.id, to: r.email, language: r.language, ...layout(r, body, t) });
  }
  return out;
}

export function digestIds(payload: unknown): string[] {
  const ids = (payload as { notificationIds?: unknown } | null)?.notificationIds;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === "string") : [];
}

/** A digest's notices under the proposal they concern (named in the reader's language), the rest last. */
function groupByProposal(items: PresentedNotice[], otherHeading: { text: string; language: string }): Body["blocks"] {
  const byProposal = new Map<string, PresentedNotice[]>();
  const other: PresentedNotice[] = [];
  for (const item of items) {
    if (item.proposalId) byProposal.set(item.proposalId, [...(byProposal.get(item.proposalId) ?? []), item]);
    else other.push(item);
  }
  const blocks: Body["blocks"] = [...byProposal.values()].map((list) => {
    const named = list.find((n) => n.title);
    return { heading: named?.title ? { text: named.title, language: named.titleLanguage ?? "en" } : undefined, items: list };
  });
  if (other.length) blocks.push({ heading: byProposal.size ? otherHeading : undefined, items: other });
  return blocks;
}
