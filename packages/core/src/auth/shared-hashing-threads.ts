import {
  createHashingThreads,
  type HashingThreadOptions,
  type HashingThreads,
} from "./hashing-threads.js";

const pools = new Map<string, { threads: HashingThreads; users: number }>();

/**
 * The process's hashing threads for these options, shared by every Axor instance that asks
 * for the same (tests and multi-tenant apps create many; each must not bring its own
 * threads). `close` on the returned handle lets go of them; the last one to let go stops them.
 */
export function acquireHashingThreads(options: HashingThreadOptions): HashingThreads {
  const key = `${options.threads}:${options.lowPriority}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = { threads: createHashingThreads(options), users: 0 };
    pools.set(key, pool);
  }
  const held = pool;
  held.users++;
  let released = false;
  return {
    hash: (password, cost) => held.threads.hash(password, cost),
    verify: (passwordHash, password) => held.threads.verify(passwordHash, password),
    async close() {
      if (released) return;
      released = true;
      held.users--;
      if (held.users > 0) return;
      pools.delete(key);
      await held.threads.close();
    },
  };
}
