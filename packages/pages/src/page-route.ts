import type { AxorResponse } from "@axor/core";
import type { PageContext } from "./page-context.js";
import type { ResolvedPagesOptions } from "./pages-options.js";

/** What one page answers to GET and to POST. */
export interface PageRoute {
  /** The option under `features` that turns this page off. */
  feature?: keyof ResolvedPagesOptions["features"];
  get(ctx: PageContext): Promise<AxorResponse>;
  post?(ctx: PageContext): Promise<AxorResponse>;
}
