import type { AxorResponse, User } from "@axor/core";
import { type PageContext, pageUrl } from "./page-context.js";
import { redirectResponse } from "./page-response.js";

/**
 * Runs `page` for a signed-in user; anyone else is sent to sign in, coming back here after.
 */
export async function signedInOnly(
  ctx: PageContext,
  here: string,
  page: (user: User) => Promise<AxorResponse>,
): Promise<AxorResponse> {
  if (ctx.user) return page(ctx.user);
  const back = encodeURIComponent(pageUrl(ctx, here));
  return redirectResponse(`${pageUrl(ctx, "/")}?redirect=${back}`, ctx.setCookies);
}
