import type { Axor, AxorRequest, AxorResponse } from "@axor/core";
import { AxorError } from "@axor/core";
import type { NeutralHandler } from "@axor/core/adapter";
import { csrfTokenMatches, csrfTokenOf, newCsrfCookie, readCsrfCookie } from "./csrf-token.js";
import { envelopeError, errorPage } from "./error-page.js";
import { readFormBody } from "./form-body.js";
import { isForeignOrigin } from "./origin-check.js";
import type { PageContext } from "./page-context.js";
import { pageErrorOf } from "./page-error.js";
import { cssResponse, redirectResponse } from "./page-response.js";
import { pageRoutes } from "./page-routes.js";
import { type PagesOptions, resolvePagesOptions } from "./pages-options.js";
import { stylesheet } from "./stylesheet.js";

/**
 * The built-in pages as one neutral handler; an adapter mounts it (`axorPagesRouter`,
 * `axorPagesApp`, `axorPagesPlugin`).
 *
 * @example
 * ```ts
 * const pages: AxorPages = axorPages(axor);
 * const response = await pages.handle(request); // an HTML page, a redirect or the stylesheet
 * ```
 */
export interface AxorPages extends NeutralHandler {
  /** Serves one request below the mount (`query`: the raw query string). Never throws. */
  handle(request: AxorRequest, query?: string): Promise<AxorResponse>;
}

/**
 * Axor's built-in sign-in pages (sign in, register, sign out, forgot password, magic link,
 * verify email, 2FA enrollment, account) over the server-side API of `axor`. Throws at once
 * when an option is invalid.
 *
 * @example
 * ```ts
 * import { axorPages } from "@axor/pages";
 *
 * const pages = axorPages(axor, { appName: "Notes", colors: { primary: "#0a7d38" } });
 * // Express: app.use("/auth", axorPagesRouter(pages)); Hono: app.route("/auth", axorPagesApp(pages))
 * ```
 */
export function axorPages(axor: Axor, options: PagesOptions = {}): AxorPages {
  const resolved = resolvePagesOptions(options, axor.options.appName);
  const css = stylesheet(resolved.colors);
  const secret = axor.options.secret;

  async function serve(request: AxorRequest, ctx: PageContext): Promise<AxorResponse> {
    const path = request.path;
    if (path === "/pages.css") return cssResponse(css);
    const route = pageRoutes[path];
    if (!route || (route.feature && !resolved.features[route.feature])) {
      if (!path.endsWith("/") && pageRoutes[`${path}/`] && request.method === "GET")
        return redirectResponse(`${ctx.mount}${path}/`, ctx.setCookies);
      return errorPage(
        ctx,
        pageErrorOf(new AxorError("NotFound", { detail: "There is no page at this path." })),
      );
    }
    if (request.method === "GET" || request.method === "HEAD") return route.get(ctx);
    if (request.method !== "POST" || !route.post) {
      const allow = route.post ? "GET, HEAD, POST" : "GET, HEAD";
      return errorPage(ctx, pageErrorOf(new AxorError("MethodNotAllowed")), { allow });
    }
    axor.checkOrigin(request); // a session cookie from a foreign origin: 403
    const cookie = readCsrfCookie(request.headers.cookie);
    const form = readFormBody(request.body);
    const token = form?.csrf ?? "";
    if (isForeignOrigin(request, ctx.secure) || !cookie || !csrfTokenMatches(secret, cookie, token))
      return errorPage(ctx, pageErrorOf(new AxorError("CSRFFailed")));
    if (!form) return errorPage(ctx, pageErrorOf(new AxorError("ValidationError")));
    return route.post({ ...ctx, form });
  }

  return {
    async handle(request, query = "") {
      const mount = request.mountPath ?? "";
      const info = axor.clientInfo(request);
      const client = { ...info, mode: "web" as const };
      const secure = client.secure ?? false;
      const setCookies: string[] = [];
      let csrfCookie = readCsrfCookie(request.headers.cookie);
      if (!csrfCookie) {
        const fresh = newCsrfCookie(mount, secure);
        csrfCookie = fresh.value;
        setCookies.push(fresh.setCookie);
      }
      const ctx: PageContext = {
        axor,
        options: resolved,
        request,
        client,
        user: null,
        query: new URLSearchParams(query),
        form: {},
        csrfToken: csrfTokenOf(secret, csrfCookie),
        setCookies,
        mount,
        secure,
      };
      try {
        if (request.path !== "/pages.css") {
          const { auth, setCookies: renewed } = await axor.authenticate(request);
          ctx.user = auth?.session.kind === "web" ? auth.user : null;
          setCookies.push(...renewed);
        }
        return await serve(request, ctx);
      } catch (error) {
        if (error instanceof AxorError) return errorPage(ctx, pageErrorOf(error), error.headers);
        return errorPage(
          ctx,
          envelopeError(axor.errorResponse(error, `${mount}${request.path}`, request)),
        );
      }
    },
  };
}
