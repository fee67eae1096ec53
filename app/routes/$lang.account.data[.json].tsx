// A person's own data as JSON, to keep or to take elsewhere (data portability).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPersonalData } from "~/modules/privacy/export.server";
import { requirePermission } from "~/utils/auth.server";
import { requireLanguage } from "~/utils/lang.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLanguage(params);
  const user = await requirePermission(request, context, lang, "manageOwnAccount");
  const data = await exportPersonalData(user.id);
  const body = JSON.stringify(data, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value), 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="concord-personal-data-${data.exportedAt.slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
