import type { PageRoute } from "./page-route.js";
import { accountActions } from "./pages/account-actions.js";
import { accountPage } from "./pages/account-page.js";
import { forgotPasswordPage, magicLinkRequestPage } from "./pages/email-request-page.js";
import { enrollTotpPage } from "./pages/enroll-totp-page.js";
import { magicLinkProcessPage } from "./pages/magic-link-process-page.js";
import { registerPage } from "./pages/register-page.js";
import { resetPasswordPage } from "./pages/reset-password-page.js";
import { signInPage } from "./pages/sign-in-page.js";
import { signOutPage } from "./pages/sign-out-page.js";
import { verifyEmailPage } from "./pages/verify-email-page.js";

/** Every page, by its path below the mount. */
export const pageRoutes: Record<string, PageRoute> = {
  "/": signInPage,
  "/register/": registerPage,
  "/sign-out/": signOutPage,
  "/forgot-password/": forgotPasswordPage,
  "/forgot-password/process/": resetPasswordPage,
  "/magic-link/": magicLinkRequestPage,
  "/magic-link/process/": magicLinkProcessPage,
  "/verify-email/process/": verifyEmailPage,
  "/enroll-totp/": enrollTotpPage,
  "/account/": accountPage,
  ...accountActions,
};
