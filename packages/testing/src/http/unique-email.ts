let counter = 0;

/**
 * A fresh, valid, lower-case address under example.com, unique within the process.
 *
 * @example
 * ```ts
 * uniqueEmail("login"); // "login-7-k3x9q@example.com"
 * ```
 */
export function uniqueEmail(label = "user"): string {
  counter += 1;
  const suffix = Math.random().toString(36).slice(2, 8);
  return `${label}-${counter}-${suffix}@example.com`;
}
