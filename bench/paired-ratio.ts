/** The median of `values`. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The median over rounds of `a[i] / b[i]`, two rates measured in the same round: the two ran
 * seconds apart, so a slow spell of the machine (seen here to move a rate by a third from one
 * round to the next) hits both sides of each pair, and one bad round does not decide it.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((rate, i) => rate / (b[i] as number)));
}
