import type { AdapterServer } from "@axor/testing";
import { rawHttpRequest } from "@axor/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adapterServers } from "./support/adapter-servers.js";
import { routeEntries } from "./support/describe-endpoint-fuzz.js";
import { endpointFields } from "./support/endpoint-fields.js";
import { expectContractAnswer } from "./support/expect-contract-answer.js";
import { fuzzCase } from "./support/fuzz-case.js";
import { FUZZ_SEED, HTTP_FUZZ_RUNS } from "./support/fuzz-runs.js";
import { type FuzzTarget, memoryFuzzTarget } from "./support/fuzz-target.js";
import { rawFuzzRequest } from "./support/raw-fuzz-request.js";
import { FUZZ_MOUNT } from "./support/send-fuzz-case.js";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when `path`, its dot segments resolved as a URL parser does, is outside the mount. */
function resolvesOutsideMount(path: string, origin: string): boolean {
  const resolved = new URL(path, origin).pathname;
  return resolved !== FUZZ_MOUNT && !resolved.startsWith(`${FUZZ_MOUNT}/`);
}

for (const [name, serve] of Object.entries(adapterServers)) {
  describe(`fuzz over HTTP through ${name}`, () => {
    let fuzz: FuzzTarget;
    let server: AdapterServer;
    let cases = 0;
    beforeAll(async () => {
      fuzz = await memoryFuzzTarget();
      server = await serve(fuzz.axor);
    });
    afterAll(async () => {
      console.log(`fuzz over HTTP through ${name}: ${cases} cases`);
      await server?.close();
      await fuzz?.close();
    });

    for (const [path, method] of routeEntries) {
      it(
        `${method} ${path}: no 5xx, the envelope, no write when rejected`,
        async () => {
          const arbitrary = fuzzCase(path, method, endpointFields[path] ?? []);
          await fc.assert(
            fc.asyncProperty(arbitrary, async (sent) => {
              cases += 1;
              const request = rawFuzzRequest(sent, await fuzz.account(), server.origin);
              fuzz.journal.clear();
              fuzz.reported.length = 0;
              const answer = await rawHttpRequest(server.origin, request);
              const headers = { "content-type": String(answer.headers["content-type"] ?? "") };
              const body = answer.text === "" ? null : answer.text;
              const instance = request.target.split("?", 1)[0] ?? "";
              if (resolvesOutsideMount(instance, server.origin)) {
                // `/api/user/%2e%2e/me/` is `/api/me/` to a router that resolves dot segments
                // (Hono): the host app's 404 then, not the core's. Never an endpoint, though.
                expect(answer.status, answer.text).toBe(404);
                return;
              }
              expectContractAnswer(
                { status: answer.status, headers, body },
                request.method,
                instance,
              );
              expect(fuzz.reported).toEqual([]);
              if (answer.status >= 300) expect(fuzz.journal.writes, answer.text).toEqual([]);
              else if (!safeMethods.has(request.method)) fuzz.retireAccount();
            }),
            { numRuns: HTTP_FUZZ_RUNS, ...(FUZZ_SEED === undefined ? {} : { seed: FUZZ_SEED }) },
          );
        },
        60_000 + HTTP_FUZZ_RUNS * 200,
      );
    }
  });
}
