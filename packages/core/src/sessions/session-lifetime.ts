import type { ResolvedAxorOptions } from "../options/resolve-axor-options.js";
import type { ClientMode } from "../storage/records.js";

/** Lifetime in milliseconds of a session of `kind`. */
export function sessionLifetimeMs(options: ResolvedAxorOptions, kind: ClientMode): number {
  return (
    (kind === "web" ? options.webSessionLifetimeSeconds : options.appTokenLifetimeSeconds) * 1000
  );
}
