import { html } from "../html.js";
import { errorBox, field, layout, noticeBox, postForm } from "../layout.js";
import { noticeOf } from "../notices.js";
import { type PageContext, pageUrl } from "../page-context.js";
import { type PageError, pageErrorOf } from "../page-error.js";
import { htmlResponse, redirectResponse } from "../page-response.js";
import type { PageRoute } from "../page-route.js";
import { safeRedirect } from "../safe-redirect.js";
import { startedSessionCookies } from "../session-cookies.js";

/** Where a sign-in lands: the `redirect` asked for when it is a local path, else the default. */
export function landingOf(ctx: PageContext, asked: string | null | undefined): string {
  return safeRedirect(asked, ctx.options.afterSignIn ?? pageUrl(ctx, "/account/"));
}

function links(ctx: PageContext) {
  const { labels, features } = ctx.options;
  return html`<nav class="links" aria-label="More">
${features.register ? html`<a href="${pageUrl(ctx, "/register/")}">${labels.registerLink}</a>` : ""}
${features.forgotPassword ? html`<a href="${pageUrl(ctx, "/forgot-password/")}">${labels.forgotPasswordLink}</a>` : ""}
${features.magicLink ? html`<a href="${pageUrl(ctx, "/magic-link/")}">${labels.magicLinkTitle}</a>` : ""}
</nav>`;
}

function signInForm(ctx: PageContext, status: number, error?: PageError) {
  const { labels } = ctx.options;
  const redirect = ctx.form.redirect ?? ctx.query.get("redirect") ?? "";
  const content = html`${noticeBox(noticeOf(ctx))}${errorBox(error)}
${postForm(
  ctx,
  pageUrl(ctx, "/"),
  html`<input type="hidden" name="redirect" value="${redirect}">
${field(error, { name: "email", label: labels.email, type: "email", value: ctx.form.email, autocomplete: "username" })}
${field(error, { name: "password", label: labels.password, type: "password", autocomplete: "current-password" })}
<button type="submit">${labels.signInButton}</button>`,
)}
${links(ctx)}`;
  return htmlResponse(status, layout(ctx, labels.signInTitle, content), ctx.setCookies);
}

function codeStep(ctx: PageContext, status: number, error?: PageError) {
  const { labels } = ctx.options;
  const content = html`${errorBox(error)}
${postForm(
  ctx,
  pageUrl(ctx, "/"),
  html`<input type="hidden" name="redirect" value="${ctx.form.redirect ?? ""}">
<input type="hidden" name="email" value="${ctx.form.email ?? ""}">
<input type="hidden" name="password" value="${ctx.form.password ?? ""}">
${field(error, { name: "code", label: labels.code, autocomplete: "one-time-code", hint: labels.codeHint })}
<button type="submit">${labels.continueButton}</button>`,
)}`;
  return htmlResponse(status, layout(ctx, labels.totpStepTitle, content), ctx.setCookies);
}

/** `/`: sign in with email and password, then the 2FA code when the account has 2FA on. */
export const signInPage: PageRoute = {
  get: async (ctx) => signInForm(ctx, 200),
  async post(ctx) {
    const { email = "", password = "", code } = ctx.form;
    try {
      const result = await ctx.axor.login({ email, password, code: code || undefined }, ctx.client);
      const cookies = [...ctx.setCookies, ...startedSessionCookies(ctx, result)];
      return redirectResponse(landingOf(ctx, ctx.form.redirect), cookies);
    } catch (thrown) {
      const error = pageErrorOf(thrown);
      if (error.code === "TOTPRequired") return codeStep(ctx, 200);
      if (code !== undefined) return codeStep(ctx, error.status, error);
      return signInForm(ctx, error.status, error);
    }
  },
};
