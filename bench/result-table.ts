/** One line of the results: a measured number, and the target it must meet if it has one. */
export interface Metric {
  name: string;
  /** The measurement, formatted with its unit. */
  measured: string;
  /** The target as text ("<= 40 µs/op"), or "-" for a number shown for information. */
  target: string;
  /** null for information only. */
  pass: boolean | null;
}

const HEADERS = ["Metric", "Measured", "Target", "Result"] as const;

function cells(metric: Metric): string[] {
  const result = metric.pass === null ? "info" : metric.pass ? "PASS" : "FAIL";
  return [metric.name, metric.measured, metric.target, result];
}

/** The metrics as a plain-text table with aligned columns, for the terminal. */
export function textTable(metrics: readonly Metric[]): string {
  const rows = [[...HEADERS], ...metrics.map(cells)];
  const widths = HEADERS.map((_, column) =>
    Math.max(...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (row: string[]) =>
    row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ");
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(rows[0] ?? []), rule, ...rows.slice(1).map(line)].join("\n");
}

/** The metrics as a Markdown table. */
export function markdownTable(metrics: readonly Metric[]): string {
  const line = (row: readonly string[]) =>
    `| ${row.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  return [
    line(HEADERS),
    line(HEADERS.map(() => "---")),
    ...metrics.map((m) => line(cells(m))),
  ].join("\n");
}
