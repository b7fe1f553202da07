import type { AxorResponse } from "@axor/core";
import { html } from "./html.js";
import { errorBox, layout } from "./layout.js";
import { type PageContext, pageUrl } from "./page-context.js";
import type { PageError } from "./page-error.js";
import { htmlResponse } from "./page-response.js";

/** A page that only shows an error (404, 405, CSRF, 500...), with a way back. */
export function errorPage(
  ctx: PageContext,
  error: PageError,
  extraHeaders: Record<string, string> = {},
): AxorResponse {
  const content = html`${errorBox(error)}<nav class="links" aria-label="More"><a href="${pageUrl(ctx, "/")}">${ctx.options.labels.backToSignIn}</a></nav>`;
  const response = htmlResponse(error.status, layout(ctx, error.title, content), ctx.setCookies);
  return { ...response, headers: { ...response.headers, ...extraHeaders } };
}

/** The contract's envelope (`axor.errorResponse`'s body) as a page error. */
export function envelopeError(response: AxorResponse): PageError {
  const problem = JSON.parse(response.body ?? "{}") as {
    title?: string;
    detail?: string;
    code?: string;
  };
  return {
    title: problem.title ?? "Error",
    detail: problem.detail ?? "",
    fields: {},
    code: problem.code ?? "InternalError",
    status: response.status,
  };
}
