import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the checkpointing thread copies the WAL's new pages into the database file. */
export const CHECKPOINT_INTERVAL_MS = 500;
/** SQLite's own default: what the main connection falls back to if the thread stops. */
const AUTOCHECKPOINT_PAGES = 1000;

/** The main connection, as far as the checkpointer uses it. */
interface MainConnection {
  pragma(source: string): unknown;
  readonly open: boolean;
}

/**
 * The thread's whole program: its own connection to the file, a PASSIVE checkpoint (it never
 * waits for, nor blocks, readers and writers) every interval, and a clean close when asked.
 * A checkpoint with no new pages does nothing, so an idle database costs nothing.
 */
const THREAD_PROGRAM = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const connection = new Database(workerData.path, { timeout: 0 });
const timer = setInterval(() => {
  try { connection.pragma("wal_checkpoint(PASSIVE)"); } catch {}
}, workerData.intervalMs);
parentPort.on("message", () => {
  clearInterval(timer);
  connection.close();
  process.exit(0);
});
`;

/**
 * Moves WAL checkpoints off the event loop for a SQLite file `openDatabase` opened. By
 * default SQLite checkpoints inside the commit that takes the WAL past 1,000 pages: that
 * commit copies the pages and syncs the file on the event loop, tens of milliseconds during
 * which no request is served (docs/benchmarks.md, target 5). Here the main connection stops
 * checkpointing and a thread of its own does it, on its own connection. Should that thread
 * fail to start or stop early, the main connection checkpoints as SQLite does by default
 * again, so the WAL never grows without bound.
 */
export class SqliteCheckpointer {
  #worker: Worker | null = null;
  #stopping = false;

  /** Called once the main connection exists (the file is created and in WAL mode). */
  start(path: string, main: MainConnection): void {
    if (this.#stopping || this.#worker) return;
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    const worker = new Worker(THREAD_PROGRAM, {
      eval: true,
      workerData: { driver, path, intervalMs: CHECKPOINT_INTERVAL_MS },
    });
    worker.unref(); // it never keeps the process alive
    main.pragma("wal_autocheckpoint = 0");
    const fallBack = () => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      if (!this.#stopping && main.open) main.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
    };
    worker.on("error", fallBack);
    worker.on("exit", fallBack);
    this.#worker = worker;
  }

  /** Whether the thread is running (it checkpoints the file). */
  get running(): boolean {
    return this.#worker !== null;
  }

  /** Stops the thread; its connection is closed before it exits. */
  async stop(): Promise<void> {
    this.#stopping = true;
    const worker = this.#worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.ref(); // the close awaiting this keeps the process alive until the thread is gone
    worker.postMessage("stop");
    await exited;
  }
}
