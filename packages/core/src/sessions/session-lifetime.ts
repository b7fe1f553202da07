import type { ResolvedAxorOptions } from "../options/resolve-axor-options.js";
import type { ClientMode } from "../storage/records.js";

/** Lifetime in milliseconds of a session of `kind`. */
export function sessionLifetimeMs(options: ResolvedAxorOptions, kind: ClientMode): number {
  return (
    (kind === "web" ? options.webSessionLifetimeSeconds : options.appTokenLifetimeSeconds) * 1000
  );
}

/**
 * When a session of `kind` created at `createdAt` and used at `now` expires: `now` plus its
 * lifetime, but never after `createdAt` plus `absoluteSessionLifetimeSeconds` when that is set.
 */
export function sessionExpiry(
  options: ResolvedAxorOptions,
  kind: ClientMode,
  createdAt: Date,
  now: Date,
): Date {
  const sliding = now.getTime() + sessionLifetimeMs(options, kind);
  const absolute = options.absoluteSessionLifetimeSeconds;
  if (absolute === undefined) return new Date(sliding);
  return new Date(Math.min(sliding, createdAt.getTime() + absolute * 1000));
}
