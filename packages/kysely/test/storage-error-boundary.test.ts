import { StorageUnavailableError } from "@axor/core/storage";
import { describe, expect, it } from "vitest";
import type { KyselyStorage } from "../src/index.js";
import { withStorageErrorBoundary } from "../src/storage-error-boundary.js";

const deadlock = () => Object.assign(new Error("deadlock detected"), { code: "40P01" });
const lostConnection = () =>
  Object.assign(new Error("Connection terminated unexpectedly"), { code: "ECONNRESET" });
const constraint = () => Object.assign(new Error("check constraint"), { code: "23514" });

/** A storage of one verb that fails with `errors` in turn, then answers "done". */
function failingVerb(verb: keyof KyselyStorage, errors: Error[]) {
  let calls = 0;
  const storage = withStorageErrorBoundary({
    [verb]: async () => {
      calls++;
      const error = errors.shift();
      if (error) throw error;
      return "done";
    },
  } as unknown as KyselyStorage);
  const run = () => (storage[verb] as () => Promise<unknown>)();
  return { run, calls: () => calls };
}

describe("the storage error boundary", () => {
  it("retries a deadlock or serialization failure in any verb, even one that is not idempotent", async () => {
    const verb = failingVerb("incrementCounter", [deadlock(), deadlock()]);
    await expect(verb.run()).resolves.toBe("done");
    expect(verb.calls()).toBe(3);
  });

  it("gives up after three calls and answers StorageUnavailableError with the driver error as cause", async () => {
    const verb = failingVerb("createUser", [deadlock(), deadlock(), deadlock(), deadlock()]);
    const failure = await verb.run().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageUnavailableError);
    expect((failure as Error).cause).toMatchObject({ code: "40P01" });
    expect(verb.calls()).toBe(3);
  });

  it("passes a synchronous answer through as it is, and a synchronous throw to the same policy", async () => {
    let calls = 0;
    const storage = withStorageErrorBoundary({
      getLiveSession: () => {
        calls++;
        if (calls === 2) throw lostConnection();
        return "at once";
      },
    } as unknown as KyselyStorage);
    const lookup = storage.getLiveSession as unknown as () => unknown;
    expect(lookup()).toBe("at once");
    const retried = lookup(); // the second call throws: retried on a fresh call, later
    expect(retried).toBeInstanceOf(Promise);
    await expect(retried).resolves.toBe("at once");
    expect(calls).toBe(3);
  });

  it("retries a lost connection in an idempotent verb (a read) on a fresh call", async () => {
    const verb = failingVerb("getLiveSession", [lostConnection()]);
    await expect(verb.run()).resolves.toBe("done");
    expect(verb.calls()).toBe(2);
  });

  it("never repeats a non-idempotent verb after a lost connection: the write may have landed", async () => {
    for (const name of [
      "createUser",
      "createSession",
      "consumeOneTimeToken",
      "useBackupCode",
      "incrementCounter",
    ]) {
      const verb = failingVerb(name as keyof KyselyStorage, [lostConnection()]);
      await expect(verb.run()).rejects.toBeInstanceOf(StorageUnavailableError);
      expect(verb.calls()).toBe(1);
    }
  });

  it("passes other errors through unchanged and untried again", async () => {
    const error = constraint();
    const verb = failingVerb("getUserById", [error]);
    await expect(verb.run()).rejects.toBe(error);
    expect(verb.calls()).toBe(1);
  });
});
