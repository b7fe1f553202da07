import { html } from "../html.js";
import { errorBox, field, layout, postForm } from "../layout.js";
import { type PageContext, pageUrl } from "../page-context.js";
import { type PageError, pageErrorOf } from "../page-error.js";
import { htmlResponse, redirectResponse } from "../page-response.js";
import type { PageRoute } from "../page-route.js";

function render(ctx: PageContext, token: string, status: number, error?: PageError) {
  const { labels } = ctx.options;
  const broken = error?.code === "InvalidToken" || error?.code === "TokenRequired";
  const form = postForm(
    ctx,
    pageUrl(ctx, "/forgot-password/process/"),
    html`<input type="hidden" name="token" value="${token}">
${field(error, { name: "password", label: labels.newPassword, type: "password", autocomplete: "new-password" })}
<button type="submit">${labels.resetPasswordButton}</button>`,
  );
  const content = html`${errorBox(error)}${broken ? "" : form}
<nav class="links" aria-label="More"><a href="${pageUrl(ctx, "/forgot-password/")}">${labels.forgotPasswordTitle}</a></nav>`;
  return htmlResponse(status, layout(ctx, labels.resetPasswordTitle, content), ctx.setCookies);
}

/** `/forgot-password/process/?token=`: the reset link's landing, a new password form. */
export const resetPasswordPage: PageRoute = {
  feature: "forgotPassword",
  async get(ctx) {
    const token = ctx.query.get("token") ?? "";
    try {
      await ctx.axor.validatePasswordResetToken({ token });
      return render(ctx, token, 200);
    } catch (thrown) {
      const error = pageErrorOf(thrown);
      return render(ctx, token, error.status, error);
    }
  },
  async post(ctx) {
    const token = ctx.form.token ?? "";
    try {
      await ctx.axor.resetPassword({ token, password: ctx.form.password ?? "" }, ctx.client);
      return redirectResponse(`${pageUrl(ctx, "/")}?notice=password-reset`, ctx.setCookies);
    } catch (thrown) {
      const error = pageErrorOf(thrown);
      return render(ctx, token, error.status, error);
    }
  },
};
