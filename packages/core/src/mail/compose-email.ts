import { tokenLifetimeSeconds } from "../auth/issue-one-time-token.js";
import type { AxorContext } from "../axor-context.js";
import type { OneTimeTokenPurpose } from "../storage/records.js";
import { emailLink, lifetimeInWords } from "./email-link.js";
import { defaultEmailTemplates, type EmailTemplates } from "./email-templates.js";
import type { EmailMessage } from "./mailer.js";

/**
 * The email `name` to `to`, from the app's template or the default one; with `token`, its
 * absolute link and how long it works.
 */
export function composeEmail(
  ctx: AxorContext,
  name: keyof EmailTemplates,
  to: { firstName: string; email: string },
  token?: { purpose: OneTimeTokenPurpose; value: string },
): EmailMessage {
  const template = ctx.options.emailTemplates[name] ?? defaultEmailTemplates[name];
  const content = template({
    firstName: to.firstName,
    email: to.email,
    ...(token
      ? {
          link: emailLink(ctx, token.purpose, token.value),
          validFor: lifetimeInWords(tokenLifetimeSeconds(ctx, token.purpose)),
        }
      : {}),
  });
  return { to: to.email, ...content };
}
