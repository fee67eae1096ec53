// A person's own data as a readable HTML document, in their language, to keep.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderToStaticMarkup } from "react-dom/server";
import { PersonalDataDocument } from "~/components/privacy/personal-data-document";
import { exportPersonalData } from "~/modules/privacy/export.server";
import { requirePermission } from "~/utils/auth.server";
import { LANGUAGES } from "~/utils/i18n";
import { getFixedT } from "~/utils/i18n.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  const [data, t] = await Promise.all([exportPersonalData(user.id), getFixedT(lang, "privacy")]);
  const dir = LANGUAGES.find((l) => l.code === lang)!.dir;
  const html = `<!DOCTYPE html>${renderToStaticMarkup(<PersonalDataDocument data={data} lang={lang} dir={dir} t={t} />)}`;
  return new Response(html, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Disposition": `attachment; filename="concord-personal-data-${data.exportedAt.slice(0, 10)}.html"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // The document needs nothing but its own inline style, wherever it is opened.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
