import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));

/** An example app running as a child process. */
export interface RunningExample {
  /** e.g. "http://127.0.0.1:41234". */
  origin: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** True until the process exits, on its own (a crash) or through `stop`. */
  isRunning(): boolean;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/**
 * Runs `examples/<name>/src/main.ts` with tsx (sources of the `@axor/*` packages through the
 * root tsconfig's paths, so no build is needed) on a free port and a temp SQLite file, and
 * waits for its "listening on" line.
 *
 * @example
 * ```ts
 * const example = await runExample("express", { AXOR_SECRET: "x".repeat(32) });
 * await fetch(`${example.origin}/api/user/me/`);
 * await example.stop();
 * ```
 */
export async function runExample(
  name: string,
  env: Record<string, string>,
): Promise<RunningExample> {
  const folder = await mkdtemp(join(tmpdir(), `axor-example-${name}-`));
  const child = spawn(
    join(root, "node_modules/.bin/tsx"),
    ["--tsconfig", join(root, "tsconfig.json"), "src/main.ts"],
    {
      cwd: join(root, "examples", name),
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        PORT: "0",
        HOST: "127.0.0.1",
        AXOR_DATABASE: join(folder, "data", "axor.db"),
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const exited = exitOf(child).finally(() => rm(folder, { recursive: true, force: true }));
  const origin = await new Promise<string>((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`example ${name} exited (${code}):\n${output}`)));
    setTimeout(
      () => reject(new Error(`example ${name} did not start:\n${output}`)),
      30_000,
    ).unref();
  });
  return {
    origin,
    output: () => output,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/**
 * Runs the example expecting it to refuse to start; resolves with its exit code and output.
 *
 * @example
 * ```ts
 * const { code } = await runExampleToExit("express", { NODE_ENV: "production" });
 * ```
 */
export async function runExampleToExit(
  name: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  try {
    const example = await runExample(name, env);
    await example.stop();
    return { code: 0, output: example.output() };
  } catch (error) {
    const message = (error as Error).message;
    const code = /exited \((\d+|null)\)/.exec(message)?.[1];
    return { code: code === undefined || code === "null" ? null : Number(code), output: message };
  }
}
