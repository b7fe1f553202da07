import { escapeHtml } from "./escape-html.js";

/** What a template gets: the recipient's name and, for emails with a link, the link. */
export interface EmailTemplateData {
  /** The user's first name (user input: escaped in the default HTML). */
  firstName: string;
  /** The address the email goes to. */
  email: string;
  /** The absolute link to follow, for the emails that have one. */
  link?: string;
  /** How long the link works, in words ("24 hours"), for the emails that have one. */
  validFor?: string;
}

/**
 * An email's subject and bodies. Return text and HTML; escape every value you put in the HTML
 * (names are user input).
 *
 * @example
 * ```ts
 * const resetPassword: EmailTemplate = ({ firstName, link }) => ({
 *   subject: "Reset your Example password",
 *   text: `Hi ${firstName}, reset it here: ${link}`,
 *   html: `<p>Reset it <a href="${link}">here</a>.</p>`, // escape user input yourself
 * });
 * createAxor({ storage, secret, emailTemplates: { resetPassword } });
 * ```
 */
export type EmailTemplate = (data: EmailTemplateData) => {
  subject: string;
  text: string;
  html: string;
};

/** Every email Axor sends; `emailTemplates` replaces any of them. */
export interface EmailTemplates {
  /** After register and on verify_email/resend/, and to the new address after change_email/. */
  verifyEmail: EmailTemplate;
  /** forgot_password/request/ for a known, active account. */
  resetPassword: EmailTemplate;
  /** After change_password/ and forgot_password/reset/. */
  passwordChanged: EmailTemplate;
  /** magic_link/request/ for a known, active account. */
  magicLink: EmailTemplate;
  /** To the OLD address after change_email/. */
  emailChanged: EmailTemplate;
}

/** A plain email: greeting, paragraphs, an optional link, a closing line; HTML escaped. */
function plainEmail(
  subject: string,
  data: EmailTemplateData,
  paragraphs: string[],
  closing: string,
): ReturnType<EmailTemplate> {
  const greeting = `Hello ${data.firstName},`;
  const link = data.link ?? "";
  const text = [greeting, ...paragraphs, ...(link ? [link] : []), closing].join("\n\n");
  const linkHtml = link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : "";
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    linkHtml,
    `<p>${escapeHtml(closing)}</p>`,
  ].join("");
  return { subject, text, html };
}

/** The default templates: short, plain, every interpolated value escaped in the HTML. */
export const defaultEmailTemplates: EmailTemplates = {
  verifyEmail: (data) =>
    plainEmail(
      "Confirm your email address",
      data,
      [`Please confirm your email address by opening this link (valid for ${data.validFor}):`],
      "If you did not ask for this, ignore this email.",
    ),
  resetPassword: (data) =>
    plainEmail(
      "Reset your password",
      data,
      [`To choose a new password, open this link (valid for ${data.validFor}):`],
      "If you did not ask for this, ignore this email: your password stays as it is.",
    ),
  passwordChanged: (data) =>
    plainEmail(
      "Your password was changed",
      data,
      ["The password of your account was just changed, and your other sessions were signed out."],
      "If this was not you, reset your password at once and contact us.",
    ),
  magicLink: (data) =>
    plainEmail(
      "Your sign-in link",
      data,
      [`Open this link to sign in (valid for ${data.validFor}, once):`],
      "If you did not ask for this, ignore this email.",
    ),
  emailChanged: (data) =>
    plainEmail(
      "Your email address was changed",
      data,
      [`The email address of your account was changed from ${data.email} to a new address.`],
      "If this was not you, contact us at once.",
    ),
};
