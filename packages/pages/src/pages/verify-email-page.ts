import { html } from "../html.js";
import { errorBox, layout, postForm } from "../layout.js";
import { type PageContext, pageUrl } from "../page-context.js";
import { type PageError, pageErrorOf } from "../page-error.js";
import { htmlResponse, redirectResponse } from "../page-response.js";
import type { PageRoute } from "../page-route.js";

function render(ctx: PageContext, token: string, status: number, error?: PageError) {
  const { labels } = ctx.options;
  const content = html`${errorBox(error)}
${postForm(
  ctx,
  pageUrl(ctx, "/verify-email/process/"),
  html`<input type="hidden" name="token" value="${token}">
<button type="submit">${labels.verifyEmailButton}</button>`,
)}`;
  return htmlResponse(status, layout(ctx, labels.verifyEmailTitle, content), ctx.setCookies);
}

/**
 * `/verify-email/process/?token=`: the verification link's landing; the button's POST verifies
 * (a GET changes nothing, so link scanners cannot use the link up).
 */
export const verifyEmailPage: PageRoute = {
  get: async (ctx) => render(ctx, ctx.query.get("token") ?? "", 200),
  async post(ctx) {
    const token = ctx.form.token ?? "";
    try {
      await ctx.axor.verifyEmail({ token }, ctx.client);
      const next = ctx.user ? "/account/" : "/";
      return redirectResponse(`${pageUrl(ctx, next)}?notice=email-verified`, ctx.setCookies);
    } catch (thrown) {
      const error = pageErrorOf(thrown);
      return render(ctx, token, error.status, error);
    }
  },
};
