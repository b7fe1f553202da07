import { html } from "../html.js";
import { layout, postForm } from "../layout.js";
import { pageUrl } from "../page-context.js";
import { htmlResponse, redirectResponse } from "../page-response.js";
import type { PageRoute } from "../page-route.js";
import { endedSessionCookie } from "../session-cookies.js";

/** `/sign-out/`: a confirm page; only its POST signs out. */
export const signOutPage: PageRoute = {
  async get(ctx) {
    const { labels } = ctx.options;
    const content = html`<p>${labels.signOutQuestion}</p>
${postForm(ctx, pageUrl(ctx, "/sign-out/"), html`<button type="submit">${labels.signOutButton}</button>`)}`;
    return htmlResponse(200, layout(ctx, labels.signOutTitle, content), ctx.setCookies);
  },
  async post(ctx) {
    await ctx.axor.logout(ctx.client);
    const cookies = [...ctx.setCookies, endedSessionCookie(ctx)];
    return redirectResponse(`${pageUrl(ctx, "/")}?notice=signed-out`, cookies);
  },
};
