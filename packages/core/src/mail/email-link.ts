import type { AxorContext } from "../axor-context.js";
import type { OneTimeTokenPurpose } from "../storage/records.js";

/** Where each kind of link points by default, below `pagesPath` (the built-in pages). */
const DEFAULT_PAGES: Record<OneTimeTokenPurpose, string> = {
  verify_email: "/verify-email/process/",
  reset_password: "/forgot-password/process/",
  magic_link: "/magic-link/process/",
};

/**
 * The absolute link an email carries for `token`: `baseUrl` + the path set in `linkPaths` for
 * its kind (a SPA's own route), else the built-in page's, with `?token=`.
 */
export function emailLink(ctx: AxorContext, purpose: OneTimeTokenPurpose, token: string): string {
  const paths = ctx.options.linkPaths;
  const custom =
    purpose === "verify_email"
      ? paths.verifyEmail
      : purpose === "reset_password"
        ? paths.resetPassword
        : paths.magicLink;
  const path = custom ?? `${ctx.options.pagesPath}${DEFAULT_PAGES[purpose]}`;
  const separator = path.includes("?") ? "&" : "?";
  return `${ctx.options.baseUrl}${path}${separator}token=${encodeURIComponent(token)}`;
}

/** A lifetime in words for an email ("24 hours", "15 minutes"). */
export function lifetimeInWords(seconds: number): string {
  if (seconds % 3600 === 0) {
    const hours = seconds / 3600;
    return `${hours} hour${hours === 1 ? "" : "s"}`;
  }
  const minutes = Math.max(1, Math.round(seconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
