import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";

/** The compiled server of a fresh app, running: its origin, and how to stop it. */
export interface RunningApp {
  origin: string;
  stop(): Promise<void>;
}

/**
 * Starts `node dist/server.js` in `folder` with `env` and waits for its "listening <port>"
 * line; fails with everything it printed when it exits first.
 */
export function startApp(folder: string, env: Record<string, string>): Promise<RunningApp> {
  const child: ChildProcess = spawn(process.execPath, ["dist/server.js"], {
    cwd: folder,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /listening (\d+)/.exec(output)?.[1];
      if (port) {
        child.stdout?.off("data", onData);
        resolve({
          origin: `http://127.0.0.1:${port}`,
          async stop() {
            if (child.exitCode !== null) return;
            child.kill("SIGTERM");
            await once(child, "exit");
          },
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) =>
      reject(new Error(`the app exited (${code}) before listening:\n${output}`)),
    );
  });
}
