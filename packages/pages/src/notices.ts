import type { PageLabels } from "./default-labels.js";
import type { PageContext } from "./page-context.js";

/** The notices a redirect may ask a page to show (`?notice=`); anything else shows nothing. */
const NOTICES = {
  "signed-out": "signedOut",
  "password-reset": "passwordReset",
  saved: "saved",
  "email-verified": "emailVerified",
} as const satisfies Record<string, keyof PageLabels>;

/** A notice name, for `?notice=`. */
export type NoticeName = keyof typeof NOTICES;

/** The text of the request's `?notice=`, or undefined. */
export function noticeOf(ctx: PageContext): string | undefined {
  const name = ctx.query.get("notice");
  if (name === null || !Object.hasOwn(NOTICES, name)) return undefined;
  return ctx.options.labels[NOTICES[name as NoticeName]];
}
