/**
 * Cases per endpoint in the in-process fuzz: `AXOR_FUZZ_RUNS` (`pnpm test:fuzz` sets 10,000),
 * 200 by default so the normal test run (CI) stays short.
 */
export const FUZZ_RUNS = Number(process.env.AXOR_FUZZ_RUNS ?? 200);

/** Cases per endpoint through each adapter over real HTTP: a fiftieth of the above, at least 10. */
export const HTTP_FUZZ_RUNS = Math.max(10, Math.round(FUZZ_RUNS / 50));

/** fast-check's seed, when `AXOR_FUZZ_SEED` replays a failure it printed. */
export const FUZZ_SEED =
  process.env.AXOR_FUZZ_SEED === undefined ? undefined : Number(process.env.AXOR_FUZZ_SEED);
