import type { AxorResponse, User } from "@axor/core";
import { type PageContext, pageUrl } from "../page-context.js";
import { pageErrorOf } from "../page-error.js";
import { redirectResponse } from "../page-response.js";
import type { PageRoute } from "../page-route.js";
import { endedSessionCookie } from "../session-cookies.js";
import { signedInOnly } from "../signed-in-only.js";
import { type AccountSection, accountPage, renderAccount } from "./account-page.js";

/**
 * A form of the account page: runs `act`, then back to the page with "Saved." (post, redirect,
 * get), or the page again with the error in `section`.
 */
function accountAction(
  section: AccountSection,
  act: (ctx: PageContext, user: User) => Promise<AxorResponse | undefined>,
): PageRoute {
  return {
    get: accountPage.get,
    post: (ctx) =>
      signedInOnly(ctx, "/account/", async (user) => {
        try {
          const answer = await act(ctx, user);
          return (
            answer ?? redirectResponse(`${pageUrl(ctx, "/account/")}?notice=saved`, ctx.setCookies)
          );
        } catch (thrown) {
          const error = pageErrorOf(thrown);
          const fresh = (await ctx.axor.currentUser(ctx.client)) ?? user;
          return renderAccount(ctx, fresh, error.status, { section, error });
        }
      }),
  };
}

/** The account page's forms, by path. */
export const accountActions: Record<string, PageRoute> = {
  "/account/name/": accountAction("name", async (ctx) => {
    const { first_name = "", last_name = "" } = ctx.form;
    await ctx.axor.changeName({ first_name, last_name }, ctx.client);
    return undefined;
  }),
  "/account/email/": accountAction("email", async (ctx) => {
    await ctx.axor.changeEmail(
      { email: ctx.form.email ?? "", password: ctx.form.password ?? "" },
      ctx.client,
    );
    return undefined;
  }),
  "/account/resend-verification/": accountAction("verify", async (ctx) => {
    await ctx.axor.resendVerificationEmail(ctx.client);
    return undefined;
  }),
  "/account/password/": accountAction("password", async (ctx) => {
    const { old_password = "", new_password = "" } = ctx.form;
    await ctx.axor.changePassword({ old_password, new_password }, ctx.client);
    return undefined;
  }),
  "/account/close-session/": accountAction("sessions", async (ctx) => {
    const { closedCurrent } = await ctx.axor.closeSession({ id: ctx.form.id ?? "" }, ctx.client);
    if (!closedCurrent) return undefined;
    const cookies = [...ctx.setCookies, endedSessionCookie(ctx)];
    return redirectResponse(`${pageUrl(ctx, "/")}?notice=signed-out`, cookies);
  }),
  "/account/disable-totp/": accountAction("totp", async (ctx) => {
    await ctx.axor.disableTotp({ code: ctx.form.code ?? "" }, ctx.client);
    return undefined;
  }),
};
