import { execFile } from "node:child_process";

/** How long one command may run. */
const COMMAND_TIMEOUT_MS = 60_000;

/**
 * Runs `file` with `args` (no shell, 60 s at most) and resolves with its stdout; a non-zero
 * exit rejects with the command line and everything it printed.
 *
 * @example
 * ```ts
 * const uid = Number(await runCommand("id", ["-u", "postgres"]));
 * ```
 */
export function runCommand(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: COMMAND_TIMEOUT_MS }, (error, stdout, stderr) => {
      if (error) {
        reject(
          new Error(`${[file, ...args].join(" ")} failed: ${error.message}\n${stdout}${stderr}`),
        );
      } else {
        resolve(stdout.trim());
      }
    });
  });
}
