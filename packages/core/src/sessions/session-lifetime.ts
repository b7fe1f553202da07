import type { ResolvedAxorOptions } from "../options/axor-options.js";
import type { SessionKind } from "../storage/records.js";

/** Lifetime in milliseconds of a session of `kind`. */
export function sessionLifetimeMs(options: ResolvedAxorOptions, kind: SessionKind): number {
  return (kind === "web" ? options.webSessionLifetime : options.appTokenLifetime) * 1000;
}
