import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Argon2Cost } from "./password-hasher.js";

/** How password hashing uses the machine (the `passwordHashing` option, resolved). */
export interface HashingThreadOptions {
  /** Hashes run at once, each on its own thread. */
  threads: number;
  /** On Linux, the hashing threads run at the lowest CPU priority (nice 19). */
  lowPriority: boolean;
}

/** argon2id on a few dedicated threads: started on first use, stopped by `close`. */
export interface HashingThreads {
  hash(password: string, cost: Argon2Cost): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  close(): Promise<void>;
}

/** One thread per core, so a burst of logins never queues more hashes than the cores run. */
export const defaultHashingThreads = (): number => Math.max(1, availableParallelism());

type Job =
  | { op: "hash"; password: string; cost: Argon2Cost }
  | { op: "verify"; passwordHash: string; password: string };
interface Pending {
  job: Job;
  resolve(value: string | boolean): void;
  reject(error: Error): void;
}
interface HashingThread {
  worker: Worker;
  /** Jobs sent to the thread, in order: the first runs, the next waits in its port. */
  sent: Pending[];
}

/**
 * Jobs a thread holds at once. The second waits in the thread's own port, so the thread
 * starts it the moment the first ends instead of waiting for the event loop to send it one.
 */
const JOBS_PER_THREAD = 2;

/**
 * The thread's whole program. It lowers its own priority first: on Linux a thread's nice
 * value is its own (the process's other threads keep theirs), so the event loop always wins
 * the CPU from a hash, and a login storm cannot slow the requests around it. Elsewhere the
 * call would lower the whole process, so it is made on Linux only.
 */
const THREAD_PROGRAM = `
const { parentPort, workerData } = require("node:worker_threads");
const argon2 = require(workerData.argon2);
if (workerData.lowPriority) {
  try { require("node:os").setPriority(0, 19); } catch {}
}
parentPort.on("message", (job) => {
  try {
    const value = job.op === "hash"
      ? argon2.hashSync(job.password, job.cost)
      : argon2.verifySync(job.passwordHash, job.password);
    parentPort.postMessage({ value });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message ? error.message : error) });
  }
});
`;

const argon2Entry = createRequire(import.meta.url).resolve("@node-rs/argon2");

/**
 * A pool of `threads` hashing threads fed from one queue. Idle threads do not keep the
 * process alive; a thread that dies fails the job it was running (never the process), the job
 * waiting in its port goes back to the head of the queue, and a new thread takes the next one.
 * `program` is the threads' code: tests give one that can die.
 */
export function createHashingThreads(
  options: HashingThreadOptions,
  program: string = THREAD_PROGRAM,
): HashingThreads {
  const lowPriority = options.lowPriority && process.platform === "linux";
  const threads: HashingThread[] = [];
  const queue: Pending[] = [];
  let closed = false;

  const start = (): HashingThread => {
    const worker = new Worker(program, {
      eval: true,
      workerData: { argon2: argon2Entry, lowPriority },
    });
    const thread: HashingThread = { worker, sent: [] };
    worker.unref();
    worker.on("message", (answer: { value?: string | boolean; error?: string }) => {
      const done = thread.sent.shift();
      if (thread.sent.length === 0) worker.unref();
      if (answer.error !== undefined) done?.reject(new Error(answer.error));
      else done?.resolve(answer.value as string | boolean);
      next();
    });
    const fail = (error: Error) => {
      threads.splice(threads.indexOf(thread), 1);
      const [running, ...waiting] = thread.sent.splice(0);
      running?.reject(error);
      queue.unshift(...waiting);
      next();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (threads.includes(thread)) fail(new Error(`hashing thread exited with code ${code}`));
    });
    threads.push(thread);
    return thread;
  };

  const next = () => {
    while (queue.length > 0 && !closed) {
      const thread =
        threads.find((candidate) => candidate.sent.length === 0) ??
        (threads.length < options.threads ? start() : undefined) ??
        threads.find((candidate) => candidate.sent.length < JOBS_PER_THREAD);
      if (!thread) return;
      const pending = queue.shift() as Pending;
      thread.sent.push(pending);
      thread.worker.ref(); // a job in flight keeps the process alive until it is answered
      thread.worker.postMessage(pending.job);
    }
  };

  const run = (job: Job) =>
    new Promise<string | boolean>((resolve, reject) => {
      if (closed) return reject(new Error("the password hashing threads are closed"));
      queue.push({ job, resolve, reject });
      next();
    });

  return {
    hash: async (password, cost) => (await run({ op: "hash", password, cost })) as string,
    verify: async (passwordHash, password) =>
      (await run({ op: "verify", passwordHash, password })) as boolean,
    async close() {
      closed = true;
      const stopped = new Error("the password hashing threads are closed");
      const stopping = threads.splice(0);
      for (const pending of queue.splice(0)) pending.reject(stopped);
      for (const thread of stopping) for (const pending of thread.sent) pending.reject(stopped);
      await Promise.all(stopping.map((thread) => thread.worker.terminate()));
    },
  };
}
