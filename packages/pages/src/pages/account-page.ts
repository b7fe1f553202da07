import type { User } from "@axor/core";
import { html } from "../html.js";
import { errorBox, field, layout, noticeBox, postForm } from "../layout.js";
import { noticeOf } from "../notices.js";
import { type PageContext, pageUrl } from "../page-context.js";
import type { PageError } from "../page-error.js";
import { htmlResponse } from "../page-response.js";
import type { PageRoute } from "../page-route.js";
import { signedInOnly } from "../signed-in-only.js";

/** The account page's sections, each with its own form. */
export type AccountSection = "name" | "email" | "verify" | "password" | "sessions" | "totp";

/** An error to show in one section. */
export interface SectionError {
  section: AccountSection;
  error: PageError;
}

function errorIn(failed: SectionError | undefined, section: AccountSection) {
  return failed?.section === section ? failed.error : undefined;
}

async function sessionsList(ctx: PageContext) {
  const { labels } = ctx.options;
  const { sessions, tokens } = await ctx.axor.listSessions(ctx.client);
  const items = [...sessions, ...tokens].map(
    (
      item,
    ) => html`<li>${item.ua ?? "?"} · ${item.ip ?? "?"} · <time datetime="${item.created_at}">${item.created_at.slice(0, 16).replace("T", " ")}</time>
${item.current ? html` <strong>(${labels.sessionCurrent})</strong>` : ""}
${postForm(
  ctx,
  pageUrl(ctx, "/account/close-session/"),
  html`<input type="hidden" name="id" value="${item.id}"><button type="submit" class="secondary" aria-label="${labels.closeSessionButton}: ${item.ua ?? item.id}">${labels.closeSessionButton}</button>`,
)}</li>`,
  );
  return html`<ul class="sessions">${items}</ul>`;
}

/** The whole account page for `user`, with `failed`'s error in its section. */
export async function renderAccount(
  ctx: PageContext,
  user: User,
  status: number,
  failed?: SectionError,
) {
  const { labels, features } = ctx.options;
  const form = (path: string, content: ReturnType<typeof html>, label: string) =>
    postForm(ctx, pageUrl(ctx, path), content, label);
  const nameError = errorIn(failed, "name");
  const emailError = errorIn(failed, "email");
  const passwordError = errorIn(failed, "password");
  const totpError = errorIn(failed, "totp");
  const verify = user.is_email_verified
    ? ""
    : html`<p>${labels.emailUnverified}</p>${errorBox(errorIn(failed, "verify"))}${form(
        "/account/resend-verification/",
        html`<button type="submit" class="secondary">${labels.resendVerificationButton}</button>`,
        labels.resendVerificationButton,
      )}`;
  const totp = user.totp_enabled
    ? html`<p>${labels.totpOn}</p>${errorBox(totpError)}${form(
        "/account/disable-totp/",
        html`${field(totpError, { name: "code", id: "disable-code", label: labels.code, autocomplete: "one-time-code", hint: labels.codeHint })}
<button type="submit" class="secondary">${labels.totpDisableButton}</button>`,
        labels.totpDisableButton,
      )}`
    : html`<p>${labels.totpOff}</p><p><a href="${pageUrl(ctx, "/enroll-totp/")}">${labels.totpEnableLink}</a></p>`;
  const content = html`${noticeBox(noticeOf(ctx))}
<p>${user.first_name} ${user.last_name} · ${user.email}</p>
<h2>${labels.nameTitle}</h2>${errorBox(nameError)}
${form(
  "/account/name/",
  html`${field(nameError, { name: "first_name", label: labels.firstName, value: user.first_name, autocomplete: "given-name" })}
${field(nameError, { name: "last_name", label: labels.lastName, value: user.last_name, autocomplete: "family-name" })}
<button type="submit">${labels.nameButton}</button>`,
  labels.nameTitle,
)}
<h2>${labels.emailTitle}</h2>${verify}${errorBox(emailError)}
${form(
  "/account/email/",
  html`${field(emailError, { name: "email", id: "new-email", label: labels.email, type: "email", value: user.email, autocomplete: "email" })}
${field(emailError, { name: "password", id: "email-password", label: labels.currentPassword, type: "password", autocomplete: "current-password" })}
<button type="submit">${labels.emailButton}</button>`,
  labels.emailTitle,
)}
<h2>${labels.passwordTitle}</h2>${errorBox(passwordError)}
${form(
  "/account/password/",
  html`${field(passwordError, { name: "old_password", label: labels.currentPassword, type: "password", autocomplete: "current-password" })}
${field(passwordError, { name: "new_password", label: labels.newPassword, type: "password", autocomplete: "new-password" })}
<button type="submit">${labels.passwordButton}</button>`,
  labels.passwordTitle,
)}
<h2>${labels.sessionsTitle}</h2>${errorBox(errorIn(failed, "sessions"))}
${await sessionsList(ctx)}
${features.totp ? html`<h2>${labels.totpTitle}</h2>${totp}` : ""}
<nav class="links" aria-label="More"><a href="${pageUrl(ctx, "/sign-out/")}">${labels.signOutTitle}</a></nav>`;
  return htmlResponse(
    status,
    layout(ctx, labels.accountTitle, content, { wide: true }),
    ctx.setCookies,
  );
}

/** `/account/` (signed in): name, email, password, sessions and 2FA. */
export const accountPage: PageRoute = {
  get: (ctx) => signedInOnly(ctx, "/account/", (user) => renderAccount(ctx, user, 200)),
};
