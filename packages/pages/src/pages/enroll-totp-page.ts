import type { User } from "@axor/core";
import QRCode from "qrcode";
import { html, SafeHtml } from "../html.js";
import { errorBox, field, layout, postForm } from "../layout.js";
import { type PageContext, pageUrl } from "../page-context.js";
import { type PageError, pageErrorOf } from "../page-error.js";
import { htmlResponse, redirectResponse } from "../page-response.js";
import type { PageRoute } from "../page-route.js";
import { signedInOnly } from "../signed-in-only.js";

/** The provisioning URI as an SVG QR code, drawn on the server (no script, no image request). */
async function qrSvg(provision: string): Promise<SafeHtml> {
  const svg = await QRCode.toString(provision, {
    type: "svg",
    margin: 2,
    errorCorrectionLevel: "M",
  });
  // The SVG is the library's own markup of our data (only path coordinates): safe as it is.
  return new SafeHtml(svg.replace("<svg ", '<svg class="qr" role="img" aria-label="QR code" '));
}

async function render(ctx: PageContext, _user: User, status: number, error?: PageError) {
  const { labels } = ctx.options;
  const setup = await ctx.axor.initTotp(ctx.client);
  const content = html`${errorBox(error)}
<p>${labels.enrollTotpScan}</p>
${await qrSvg(setup.provision)}
<p>${labels.enrollTotpKey}: <code class="key" id="totp-key">${setup.key}</code></p>
<h2>${labels.backupCodesTitle}</h2>
<p class="hint">${labels.backupCodesHint}</p>
<ul class="codes" id="backup-codes">${setup.backup_codes.map((code) => html`<li>${code}</li>`)}</ul>
${postForm(
  ctx,
  pageUrl(ctx, "/enroll-totp/"),
  html`${field(error, { name: "code", label: labels.code, autocomplete: "one-time-code", hint: labels.codeHint })}
<button type="submit">${labels.enrollTotpButton}</button>`,
)}
<nav class="links" aria-label="More"><a href="${pageUrl(ctx, "/account/")}">${labels.accountLink}</a></nav>`;
  return htmlResponse(status, layout(ctx, labels.enrollTotpTitle, content), ctx.setCookies);
}

/**
 * `/enroll-totp/` (signed in): a new setup (QR code, key, backup codes) and a form to confirm it
 * with a first code. A wrong code shows the error with a fresh setup to scan again (the one shown
 * before cannot be shown twice).
 */
export const enrollTotpPage: PageRoute = {
  feature: "totp",
  get: (ctx) =>
    signedInOnly(ctx, "/enroll-totp/", async (user) => {
      if (user.totp_enabled) return redirectResponse(pageUrl(ctx, "/account/"), ctx.setCookies);
      return render(ctx, user, 200);
    }),
  post: (ctx) =>
    signedInOnly(ctx, "/enroll-totp/", async (user) => {
      try {
        await ctx.axor.enableTotp({ code: ctx.form.code ?? "" }, ctx.client);
        return redirectResponse(`${pageUrl(ctx, "/account/")}?notice=saved`, ctx.setCookies);
      } catch (thrown) {
        const error = pageErrorOf(thrown);
        if (error.code === "TOTPAlreadyEnabledOnInit")
          return redirectResponse(pageUrl(ctx, "/account/"), ctx.setCookies);
        return render(ctx, user, error.status, error);
      }
    }),
};
