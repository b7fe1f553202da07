import { html } from "../html.js";
import { errorBox, field, layout, postForm } from "../layout.js";
import { type PageContext, pageUrl } from "../page-context.js";
import { type PageError, pageErrorOf } from "../page-error.js";
import { htmlResponse, redirectResponse } from "../page-response.js";
import type { PageRoute } from "../page-route.js";
import { startedSessionCookies } from "../session-cookies.js";
import { landingOf } from "./sign-in-page.js";

function render(
  ctx: PageContext,
  token: string,
  status: number,
  error?: PageError,
  askCode = false,
) {
  const { labels } = ctx.options;
  const codeField = askCode
    ? field(error?.code === "TOTPRequired" ? undefined : error, {
        name: "code",
        label: labels.code,
        autocomplete: "one-time-code",
        hint: labels.codeHint,
      })
    : "";
  const content = html`${error?.code === "TOTPRequired" ? "" : errorBox(error)}
${postForm(
  ctx,
  pageUrl(ctx, "/magic-link/process/"),
  html`<input type="hidden" name="token" value="${token}">
${codeField}
<button type="submit">${labels.magicLinkUse}</button>`,
)}`;
  return htmlResponse(status, layout(ctx, labels.magicLinkTitle, content), ctx.setCookies);
}

/**
 * `/magic-link/process/?token=`: the sign-in link's landing. GET only shows a button (mail
 * scanners that open links must not use them up); the POST signs in, asking for the 2FA code
 * when the account has 2FA on.
 */
export const magicLinkProcessPage: PageRoute = {
  feature: "magicLink",
  get: async (ctx) => render(ctx, ctx.query.get("token") ?? "", 200),
  async post(ctx) {
    const { token = "", code } = ctx.form;
    try {
      const result = await ctx.axor.consumeMagicLink(
        { token, code: code || undefined },
        ctx.client,
      );
      const cookies = [...ctx.setCookies, ...startedSessionCookies(ctx, result)];
      return redirectResponse(landingOf(ctx, undefined), cookies);
    } catch (thrown) {
      const error = pageErrorOf(thrown);
      const askCode = code !== undefined || error.code === "TOTPRequired";
      return render(ctx, token, error.code === "TOTPRequired" ? 200 : error.status, error, askCode);
    }
  },
};
