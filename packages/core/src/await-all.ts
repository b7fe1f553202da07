/**
 * Like `Promise.all`, but waits for every promise to settle before throwing the first
 * rejection, so no storage call is still running (on a connection being torn down) after the
 * request that made it has been answered.
 */
export async function awaitAll<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}
