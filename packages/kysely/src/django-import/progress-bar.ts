/** Where the bar is drawn: stderr, or anything with `write` (and `isTTY` when it is a terminal). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A plain-text progress bar: redrawn in place on a terminal, one line per update otherwise. */
export interface ProgressBar {
  update(done: number): void;
  finish(): void;
}

const WIDTH = 30;

/**
 * A bar of `total` items, e.g. `[##########--------------------]  33% 400/1200 users`.
 *
 * @example
 * ```ts
 * const bar = progressBar(process.stderr, 1200, "users");
 * bar.update(400);
 * bar.finish();
 * ```
 */
export function progressBar(stream: ProgressStream, total: number, unit: string): ProgressBar {
  const terminal = stream.isTTY === true;
  let drawn = false;
  const line = (done: number) => {
    const share = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(share * WIDTH);
    const percent = `${Math.floor(share * 100)}%`.padStart(4);
    return `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${percent} ${done}/${total} ${unit}`;
  };
  return {
    update(done) {
      stream.write(terminal ? `\r${line(done)}` : `${line(done)}\n`);
      drawn = true;
    },
    finish() {
      if (terminal && drawn) stream.write("\n");
    },
  };
}
