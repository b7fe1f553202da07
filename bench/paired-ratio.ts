/**
 * The median over rounds of `a[i] / b[i]`, two rates measured in the same round: the two ran
 * seconds apart, so a slow spell of the machine (seen here to move a rate by a third from one
 * round to the next) hits both sides of each pair, and one bad round does not decide it.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  const ratios = a.map((rate, i) => rate / (b[i] as number));
  ratios.sort((x, y) => x - y);
  const middle = Math.floor(ratios.length / 2);
  return ratios.length % 2 === 1
    ? (ratios[middle] as number)
    : ((ratios[middle - 1] as number) + (ratios[middle] as number)) / 2;
}
