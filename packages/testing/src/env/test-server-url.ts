/**
 * The URL of a test server from an environment variable, for suites that need a real
 * PostgreSQL, MariaDB or Redis. Unset: prints why the suite is skipped and returns undefined;
 * unset while `CI` is set: throws, because a skipped database in CI is a failure.
 *
 * @example
 * ```ts
 * const url = testServerUrl("AXOR_TEST_POSTGRES_URL", "PostgreSQL");
 * describe.skipIf(!url)("PostgreSQL (set AXOR_TEST_POSTGRES_URL to run)", () => {
 *   // the suites, against `url`
 * });
 * ```
 */
export function testServerUrl(variable: string, what: string): string | undefined {
  const url = process.env[variable];
  if (url) return url;
  if (process.env.CI)
    throw new Error(`${variable} must be set in CI: the ${what} suites may not be skipped.`);
  console.warn(`Skipping the ${what} suites: set ${variable} to run them.`);
  return undefined;
}
