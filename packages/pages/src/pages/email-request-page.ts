import type { ClientInfo } from "@axor/core";
import type { PageLabels } from "../default-labels.js";
import { html } from "../html.js";
import { errorBox, field, layout, noticeBox, postForm } from "../layout.js";
import { type PageContext, pageUrl } from "../page-context.js";
import { type PageError, pageErrorOf } from "../page-error.js";
import { htmlResponse } from "../page-response.js";
import type { PageRoute } from "../page-route.js";
import type { ResolvedPagesOptions } from "../pages-options.js";

/** What differs between the pages that email a link to an address. */
interface EmailRequestPage {
  path: string;
  feature: keyof ResolvedPagesOptions["features"];
  title: keyof PageLabels;
  button: keyof PageLabels;
  sent: keyof PageLabels;
  send(ctx: PageContext, email: string, client: ClientInfo): Promise<void>;
}

/**
 * A page with one email field that sends a link (reset, magic link): it says the same
 * for any address, as the API does.
 */
export function emailRequestPage(page: EmailRequestPage): PageRoute {
  const render = (ctx: PageContext, status: number, error?: PageError, sent = false) => {
    const { labels } = ctx.options;
    const content = html`${noticeBox(sent ? labels[page.sent] : undefined)}${errorBox(error)}
${postForm(
  ctx,
  pageUrl(ctx, page.path),
  html`${field(error, { name: "email", label: labels.email, type: "email", value: ctx.form.email, autocomplete: "email" })}
<button type="submit">${labels[page.button]}</button>`,
)}
<nav class="links" aria-label="More"><a href="${pageUrl(ctx, "/")}">${labels.backToSignIn}</a></nav>`;
    return htmlResponse(status, layout(ctx, labels[page.title], content), ctx.setCookies);
  };
  return {
    feature: page.feature,
    get: async (ctx) => render(ctx, 200),
    async post(ctx) {
      try {
        await page.send(ctx, ctx.form.email ?? "", ctx.client);
        return render(ctx, 200, undefined, true);
      } catch (thrown) {
        const error = pageErrorOf(thrown);
        return render(ctx, error.status, error);
      }
    },
  };
}

/** `/forgot-password/`: emails a reset link. */
export const forgotPasswordPage = emailRequestPage({
  path: "/forgot-password/",
  feature: "forgotPassword",
  title: "forgotPasswordTitle",
  button: "forgotPasswordButton",
  sent: "forgotPasswordSent",
  send: (ctx, email, client) => ctx.axor.requestPasswordReset({ email }, client),
});

/** `/magic-link/`: the passwordless sign-in, emails a sign-in link. */
export const magicLinkRequestPage = emailRequestPage({
  path: "/magic-link/",
  feature: "magicLink",
  title: "magicLinkTitle",
  button: "magicLinkButton",
  sent: "magicLinkSent",
  send: (ctx, email, client) => ctx.axor.requestMagicLink({ email }, client),
});
