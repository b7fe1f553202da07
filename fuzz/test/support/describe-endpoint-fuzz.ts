import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeTable } from "../../../packages/core/src/http/route-table.js";
import { endpointFields } from "./endpoint-fields.js";
import { expectContractAnswer } from "./expect-contract-answer.js";
import { fuzzCase } from "./fuzz-case.js";
import { FUZZ_RUNS, FUZZ_SEED } from "./fuzz-runs.js";
import type { FuzzTarget } from "./fuzz-target.js";
import { FUZZ_MOUNT, neutralRequest } from "./send-fuzz-case.js";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Every endpoint of the route table as `[path, method]`. */
export const routeEntries: ReadonlyArray<readonly [string, string]> = Object.entries(
  routeTable,
).flatMap(([path, methods]) => Object.keys(methods).map((method) => [path, method] as const));

/**
 * Fuzzes every endpoint of the route table in-process (`axor.handle`), `FUZZ_RUNS` cases each:
 * never a 5xx or a reported error, every non-2xx answer in the envelope, and a rejected
 * request writes no row (only rate-limit counters and security events). Prints the figures.
 */
export function describeEndpointFuzz(name: string, open: () => Promise<FuzzTarget>): void {
  describe(`fuzz in-process on ${name}`, () => {
    let fuzz: FuzzTarget;
    let cases = 0;
    const statuses = new Map<number, number>();
    let started = 0;
    beforeAll(async () => {
      fuzz = await open();
      started = performance.now();
    });
    afterAll(async () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const tally = [...statuses].sort(([a], [b]) => a - b).map(([code, n]) => `${code}: ${n}`);
      console.log(
        `fuzz ${name}: ${cases} cases over ${routeEntries.length} endpoints in ${seconds} s`,
        `(statuses ${tally.join(", ")})`,
      );
      await fuzz?.close();
    });

    it("knows the fields of every endpoint of the route table", () => {
      expect(Object.keys(endpointFields).sort()).toEqual(Object.keys(routeTable).sort());
    });

    for (const [path, method] of routeEntries) {
      it(
        `${method} ${path}: no 5xx, the envelope, no write when rejected`,
        async () => {
          const arbitrary = fuzzCase(path, method, endpointFields[path] ?? []);
          await fc.assert(
            fc.asyncProperty(arbitrary, async (sent) => {
              cases += 1;
              const account = await fuzz.account();
              const before = await fuzz.rows();
              fuzz.journal.clear();
              fuzz.reported.length = 0;
              const answer = await fuzz.axor.handle(neutralRequest(sent, account));
              statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
              const instance = `${FUZZ_MOUNT}${sent.path.split("?", 1)[0]}`;
              expectContractAnswer(answer, sent.method, instance);
              expect(fuzz.reported).toEqual([]);
              if (answer.status >= 300) {
                expect(fuzz.journal.writes, answer.body ?? "").toEqual([]);
                expect(await fuzz.rows()).toEqual(before);
              } else if (!safeMethods.has(sent.method.toUpperCase())) {
                fuzz.retireAccount(); // it may have logged out, changed the password...
              }
            }),
            { numRuns: FUZZ_RUNS, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) },
          );
        },
        60_000 + FUZZ_RUNS * 100,
      );
    }
  });
}
