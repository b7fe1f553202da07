import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";

const SERVER_SCRIPT = new URL("./http-server.ts", import.meta.url);

/** A bench server process (http-server.ts) and how to reach it. */
export interface BenchServer {
  origin: string;
  child: ChildProcess;
}

/** What a server process says of itself. */
export interface ServerStats {
  cpuMicros: number;
  maxRssBytes: number;
}

/** Which app a bench server serves (see http-server.ts). */
export type ServerSide = "axor" | "better-auth";

/**
 * Starts `http-server.ts` in a child process (tsx's loader is inherited) serving `side` from the
 * SQLite file at `path`, and waits for its port.
 */
export async function startServer(
  framework: string,
  side: ServerSide,
  path: string,
): Promise<BenchServer> {
  const child = fork(SERVER_SCRIPT, [framework, side, path], {
    stdio: "inherit",
  });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`${framework} bench server exited with code ${code} before listening`);
  });
  const [message] = (await Promise.race([once(child, "message"), exited])) as [{ port: number }];
  exited.catch(() => {});
  return { origin: `http://127.0.0.1:${message.port}`, child };
}

let peakRssBytes = 0;

/** The highest peak RSS any bench server reported so far (each is asked after every round). */
export function peakServerRss(): number {
  return peakRssBytes;
}

/** Asks the server for its CPU time so far and its peak RSS. */
export async function serverStats(child: ChildProcess): Promise<ServerStats> {
  const reply = once(child, "message");
  child.send("cpu");
  const [message] = (await reply) as [ServerStats];
  peakRssBytes = Math.max(peakRssBytes, message.maxRssBytes);
  return message;
}

export async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill();
  await exited;
}
