// Follow or stop following an object: a small form that works without JavaScript
// and comes back to the page it was on.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FollowTargetName } from "~/modules/follow/constants";

export function FollowButton({
  lang,
  targetType,
  targetId,
  following,
  automatic = false,
  redirectTo,
}: {
  lang: string;
  targetType: FollowTargetName;
  targetId: string;
  following: boolean;
  /** The person's delegation drafts it: they follow it whether or not they asked. */
  automatic?: boolean;
  redirectTo: string;
}) {
  const { t } = useTranslation("notifications");
  if (automatic) return <span className="muted follow-state">{t("follow.automatic")}</span>;
  return (
    <Form method="post" action={`/${lang}/follow`} className="inline-form follow-form">
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      {following ? <span className="muted follow-state">{t("follow.following")}</span> : null}{" "}
      <button type="submit" className={following ? "button-link" : "button button-secondary"} aria-pressed={following}>
        {following ? t("follow.unfollow") : t("follow.follow")}
      </button>
    </Form>
  );
}
