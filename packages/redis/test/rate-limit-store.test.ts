import { describeRateLimitStore } from "@axor/testing";
import { describe } from "vitest";
import { redisRateLimitStore } from "../src/index.js";
import {
  clientKinds,
  deleteKeysUnder,
  freshKeyPrefix,
  openTestClient,
  REDIS_URL,
} from "./support/redis-test-clients.js";

describe.skipIf(!REDIS_URL)("Redis (set AXOR_TEST_REDIS_URL to run)", () => {
  for (const kind of clientKinds) {
    describeRateLimitStore(`Redis through ${kind}`, async () => {
      const url = REDIS_URL ?? "";
      const keyPrefix = freshKeyPrefix();
      const { client, close } = await openTestClient(kind, url);
      return {
        storage: redisRateLimitStore({ client, keyPrefix }),
        async cleanup() {
          await close();
          await deleteKeysUnder(url, keyPrefix);
        },
      };
    });
  }
});
