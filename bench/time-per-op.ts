/**
 * Mean microseconds per call of `run(i)`, for i in 0..ops-1, calls one after another (a promise
 * is awaited before the next call; a plain value is not). `warmup` calls run first, untimed, so
 * the JIT, statement caches and SQLite's page cache are warm.
 */
export async function timePerOp(
  ops: number,
  run: (i: number) => unknown,
  warmup = Math.ceil(ops / 10),
): Promise<number> {
  for (let i = 0; i < warmup; i++) {
    const result = run(i);
    if (result instanceof Promise) await result;
  }
  const start = process.hrtime.bigint();
  for (let i = 0; i < ops; i++) {
    const result = run(i);
    if (result instanceof Promise) await result;
  }
  return Number(process.hrtime.bigint() - start) / 1000 / ops;
}
