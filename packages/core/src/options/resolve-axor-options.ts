import * as v from "valibot";
import type { AxorOptions } from "./axor-options.js";
import { axorOptionsSchema } from "./axor-options-schema.js";

/**
 * The options after validation: every default filled in (`axor.options`).
 *
 * @example
 * ```ts
 * const resolved: ResolvedAxorOptions = axor.options;
 * resolved.webSessionLifetimeSeconds; // 2592000 (30 days) unless you set it
 * resolved.cookie.name; // "axor_session"
 * ```
 */
export type ResolvedAxorOptions = v.InferOutput<typeof axorOptionsSchema>;

/** Validates options once, at startup. A wrong option throws a `TypeError` naming it. */
export function resolveAxorOptions(options: AxorOptions): ResolvedAxorOptions {
  const result = v.safeParse(axorOptionsSchema, options);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? "(options)";
  throw new TypeError(`Invalid Axor option "${path}": ${issue.message}`);
}
