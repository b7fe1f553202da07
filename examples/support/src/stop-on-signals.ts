/**
 * On SIGINT or SIGTERM: logs the signal, runs `stop` (once, however many signals arrive), then
 * exits with 0, or with 1 after printing the error when `stop` fails.
 */
export function stopOnSignals(stop: () => Promise<void>): void {
  let stopping = false;
  async function shutdown(signal: NodeJS.Signals): Promise<void> {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: closing the server and the database`);
    await stop();
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
  }
}
