import type { Axor, AxorRequest, ClientInfo, User } from "@axor/core";
import type { FormFields } from "./form-body.js";
import type { ResolvedPagesOptions } from "./pages-options.js";

/** What a page's handler gets for one request. */
export interface PageContext {
  axor: Axor;
  options: ResolvedPagesOptions;
  request: AxorRequest;
  client: ClientInfo;
  /** The signed-in user, or null. */
  user: User | null;
  /** The query string's parameters. */
  query: URLSearchParams;
  /** The submitted form (empty on GET). */
  form: FormFields;
  /** The CSRF token every form carries. */
  csrfToken: string;
  /** Set-Cookie lines to send with whatever the page answers (a new CSRF cookie, a slid session). */
  setCookies: string[];
  /** The path the pages are mounted at, e.g. "/auth" ("" at the root). */
  mount: string;
  /** True when the request came over https. */
  secure: boolean;
}

/** The URL of a page below the mount, e.g. `pageUrl(ctx, "/register/")`. */
export function pageUrl(ctx: Pick<PageContext, "mount">, path: string): string {
  return `${ctx.mount}${path}`;
}
