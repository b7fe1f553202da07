import { sqliteAxor } from "./bench-axor.js";
import { seedSessionTable } from "./bench-database.js";
import type { BenchPlan } from "./bench-plan.js";
import { meRequest } from "./core-handler.bench.js";
import { rawMe } from "./raw-me.js";
import type { Metric } from "./result-table.js";

/** Target 6: `me/` with the large table within 10% of the small one. */
const MIN_LARGE_TO_SMALL = 0.9;
/** Distinct tokens each side cycles through, spread over the whole table. */
const SAMPLED_KEYS = 1_000;
const ROUNDS = 3;
const CALLS_PER_ROUND = 20_000;

/** `count` keys spread evenly over `keys`. */
function spread(keys: readonly string[], count: number): string[] {
  const step = Math.max(1, Math.floor(keys.length / count));
  return Array.from({ length: Math.min(count, keys.length) }, (_, i) => keys[i * step] as string);
}

/**
 * Two SQLite files, `plan.smallTable` and `plan.largeTable` users with one app token each (the
 * large one seeded in one transaction), each served by its own Axor: `axor.handle(GET /me/)`
 * for 1000 tokens spread over the table, in alternating rounds. The indexed lookup grows with
 * the B-tree's depth (log n), so the two should be close. The hand-written raw `me/`
 * (raw-me.ts) runs the same tokens on the same files in the same rounds: its own large / small
 * ratio is what SQLite alone loses to the bigger table, the bound of Axor's.
 */
export async function benchSessionScale(plan: BenchPlan): Promise<Metric[]> {
  const sizes = [plan.smallTable, plan.largeTable] as const;
  const tables = [];
  for (const size of sizes) {
    console.log(`  seeding ${size.toLocaleString("en-US")} sessions...`);
    tables.push(await seedSessionTable(size));
  }
  const sides = tables.map((table) => {
    const keys = spread(table.keys, SAMPLED_KEYS);
    return {
      ...sqliteAxor(table.path),
      requests: keys.map(meRequest),
      seconds: 0,
      raw: rawMe(table.path),
      bearers: keys.map((key) => `Bearer ${key}`),
      rawSeconds: 0,
    };
  });
  try {
    for (const side of sides) {
      for (const request of side.requests) {
        const response = await side.axor.handle(request);
        if (response.status !== 200) throw new Error(`me/ answered ${response.status}`);
      }
      for (const bearer of side.bearers) {
        if (side.raw(bearer) === null) throw new Error("raw me/ found no session");
      }
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const side of sides) {
        const started = performance.now();
        for (let i = 0; i < CALLS_PER_ROUND; i++) {
          await side.axor.handle(
            side.requests[i % side.requests.length] as (typeof side.requests)[0],
          );
        }
        side.seconds += (performance.now() - started) / 1000;
        const rawStarted = performance.now();
        for (let i = 0; i < CALLS_PER_ROUND; i++) {
          if (side.raw(side.bearers[i % side.bearers.length]) === null) {
            throw new Error("raw me/ found no session");
          }
        }
        side.rawSeconds += (performance.now() - rawStarted) / 1000;
      }
    }
    const [small, large] = sides.map((side) => (ROUNDS * CALLS_PER_ROUND) / side.seconds) as [
      number,
      number,
    ];
    const ratio = large / small;
    const [rawSmall, rawLarge] = sides.map(
      (side) => (ROUNDS * CALLS_PER_ROUND) / side.rawSeconds,
    ) as [number, number];
    const rawRatio = rawLarge / rawSmall;
    const label = (size: number) => size.toLocaleString("en-US");
    return [
      {
        name: `scale: handle me/ with ${label(sizes[0])} sessions`,
        measured: `${Math.round(small).toLocaleString("en-US")} req/s`,
        target: "-",
        pass: null,
      },
      {
        name: `scale: handle me/ with ${label(sizes[1])} sessions`,
        measured: `${Math.round(large).toLocaleString("en-US")} req/s`,
        target: "-",
        pass: null,
      },
      {
        name: `scale: ${label(sizes[1])} / ${label(sizes[0])} (target 6)`,
        measured: `${ratio.toFixed(2)}x`,
        target: `>= ${MIN_LARGE_TO_SMALL}x`,
        pass: ratio >= MIN_LARGE_TO_SMALL,
      },
      {
        name: `scale: raw me/ (hand-written), ${label(sizes[1])} / ${label(sizes[0])}`,
        measured: `${rawRatio.toFixed(2)}x (${Math.round(rawSmall).toLocaleString("en-US")} -> ${Math.round(rawLarge).toLocaleString("en-US")} /s)`,
        target: "-",
        pass: null,
      },
    ];
  } finally {
    for (const side of sides) {
      side.raw.close();
      await side.close();
    }
    for (const table of tables) await table.remove();
  }
}
