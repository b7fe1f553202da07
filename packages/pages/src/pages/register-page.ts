import { html } from "../html.js";
import { errorBox, field, layout, postForm } from "../layout.js";
import { type PageContext, pageUrl } from "../page-context.js";
import { type PageError, pageErrorOf } from "../page-error.js";
import { htmlResponse, redirectResponse } from "../page-response.js";
import type { PageRoute } from "../page-route.js";
import { startedSessionCookies } from "../session-cookies.js";
import { landingOf } from "./sign-in-page.js";

function registerForm(ctx: PageContext, status: number, error?: PageError) {
  const { labels } = ctx.options;
  const content = html`${errorBox(error)}
${postForm(
  ctx,
  pageUrl(ctx, "/register/"),
  html`<input type="hidden" name="redirect" value="${ctx.form.redirect ?? ctx.query.get("redirect") ?? ""}">
${field(error, { name: "first_name", label: labels.firstName, value: ctx.form.first_name, autocomplete: "given-name" })}
${field(error, { name: "last_name", label: labels.lastName, value: ctx.form.last_name, autocomplete: "family-name" })}
${field(error, { name: "email", label: labels.email, type: "email", value: ctx.form.email, autocomplete: "email" })}
${field(error, { name: "password", label: labels.password, type: "password", autocomplete: "new-password" })}
<button type="submit">${labels.registerButton}</button>`,
)}
<nav class="links" aria-label="More"><a href="${pageUrl(ctx, "/")}">${labels.backToSignIn}</a></nav>`;
  return htmlResponse(status, layout(ctx, labels.registerTitle, content), ctx.setCookies);
}

/** `/register/`: create an account; signed in at once, the verification email sent. */
export const registerPage: PageRoute = {
  feature: "register",
  get: async (ctx) => registerForm(ctx, 200),
  async post(ctx) {
    const { email = "", password = "", first_name = "", last_name = "" } = ctx.form;
    try {
      const result = await ctx.axor.register(
        { email, password, first_name, last_name },
        ctx.client,
      );
      const cookies = [...ctx.setCookies, ...startedSessionCookies(ctx, result)];
      return redirectResponse(landingOf(ctx, ctx.form.redirect), cookies);
    } catch (thrown) {
      const error = pageErrorOf(thrown);
      return registerForm(ctx, error.status, error);
    }
  },
};
