import { readdirSync, readFileSync } from "node:fs";
import { verify } from "@node-rs/argon2";
import { afterEach, describe, expect, it } from "vitest";
import { createHashingThreads, type HashingThreads } from "../src/auth/hashing-threads.js";
import { acquireHashingThreads } from "../src/auth/shared-hashing-threads.js";

const cost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
const opened: HashingThreads[] = [];
const open = (threads: HashingThreads) => {
  opened.push(threads);
  return threads;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((threads) => threads.close()));
});

/** Nice values of this process's threads (field 19 of /proc/self/task/<tid>/stat), by name. */
function threadNiceness(): { name: string; nice: number }[] {
  return readdirSync("/proc/self/task").map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { name, nice: Number(fields[16]) };
  });
}

describe("hashing threads", () => {
  it("hash on a thread what argon2id verifies, and verify right and wrong passwords", async () => {
    const threads = open(createHashingThreads({ threads: 2, lowPriority: false }));
    const hashed = await threads.hash("correct horse", cost);
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
    expect(await verify(hashed, "correct horse")).toBe(true);
    expect(await threads.verify(hashed, "correct horse")).toBe(true);
    expect(await threads.verify(hashed, "wrong horse")).toBe(false);
  });

  it("answer more jobs than threads, each with its own result", async () => {
    const threads = open(createHashingThreads({ threads: 2, lowPriority: false }));
    const passwords = Array.from({ length: 7 }, (_, i) => `password ${i}`);
    const hashes = await Promise.all(passwords.map((password) => threads.hash(password, cost)));
    const checks = await Promise.all(
      hashes.map((hashed, i) => threads.verify(hashed, passwords[(i + 1) % 7] as string)),
    );
    expect(checks).toEqual(Array(7).fill(false));
    expect(await Promise.all(hashes.map((h, i) => verify(h, passwords[i] as string)))).toEqual(
      Array(7).fill(true),
    );
  });

  it("reject a malformed stored hash without harming the thread", async () => {
    const threads = open(createHashingThreads({ threads: 1, lowPriority: false }));
    await expect(threads.verify("not a hash", "x")).rejects.toThrow();
    const hashed = await threads.hash("still works", cost);
    expect(await threads.verify(hashed, "still works")).toBe(true);
  });

  it.runIf(process.platform === "linux")(
    "run at nice 19 on Linux when lowPriority is set, and leave the event loop's thread alone",
    async () => {
      const before = threadNiceness();
      const threads = open(createHashingThreads({ threads: 1, lowPriority: true }));
      await threads.hash("nice", cost);
      const after = threadNiceness();
      expect(after.filter((thread) => thread.nice === 19).length).toBe(
        before.filter((thread) => thread.nice === 19).length + 1,
      );
      expect(after[0]?.nice).toBe(0); // the first task is the main thread
    },
  );

  it("reject what is queued or running once closed", async () => {
    const threads = createHashingThreads({ threads: 1, lowPriority: false });
    const running = expect(threads.hash("first", cost)).rejects.toThrow("closed");
    const queued = expect(threads.hash("second", cost)).rejects.toThrow("closed");
    await threads.close();
    await running;
    await queued;
    await expect(threads.hash("third", cost)).rejects.toThrow("closed");
  });

  it("fail only the job a dying thread was running; the job waiting behind it and later ones are answered", async () => {
    // A stand-in thread program: dies on the password "die", echoes any other.
    const program = `
      const { parentPort } = require("node:worker_threads");
      parentPort.on("message", (job) => {
        if (job.password === "die") process.exit(3);
        parentPort.postMessage({ value: "hashed " + job.password });
      });
    `;
    const threads = open(createHashingThreads({ threads: 1, lowPriority: false }, program));
    // One thread: "after" waits in its port while "die" runs.
    const dying = threads.hash("die", cost);
    const after = threads.hash("after", cost);
    await expect(dying).rejects.toThrow("hashing thread exited with code 3");
    expect(await after).toBe("hashed after");
    expect(await threads.hash("later", cost)).toBe("hashed later");
  });

  it("are shared by instances with the same options, and stop when the last lets go", async () => {
    const tasks = readdirSync("/proc/self/task").length;
    const first = acquireHashingThreads({ threads: 1, lowPriority: false });
    const second = acquireHashingThreads({ threads: 1, lowPriority: false });
    const hashed = await first.hash("shared", cost);
    expect(await second.verify(hashed, "shared")).toBe(true);
    const oneWorker = readdirSync("/proc/self/task").length - tasks;
    const apart = open(createHashingThreads({ threads: 1, lowPriority: false }));
    await apart.hash("apart", cost);
    // The second instance used the first one's thread; a pool of its own adds as many again.
    expect(readdirSync("/proc/self/task").length - tasks).toBe(2 * oneWorker);
    await first.close();
    await first.close(); // letting go twice counts once
    expect(await second.verify(hashed, "shared")).toBe(true);
    await second.close();
    const third = open(acquireHashingThreads({ threads: 1, lowPriority: false }));
    expect(await third.verify(hashed, "shared")).toBe(true); // a new pool starts
  });
});
