import { beforeAll, beforeEach, describe } from "vitest";
import { type OptionalPart, offeredVerbs } from "./optional-parts.js";
import type { StoreGetter } from "./storage-fixture.js";

/**
 * The tests of an optional part of a storage adapter, run when the adapter offers it and
 * skipped, visibly, when it does not: each test is reported as skipped with the reason, and
 * the log says what `createAxor` uses instead. An adapter that has only some of the part's
 * verbs fails every test: `createAxor` would silently ignore the ones it has.
 */
export function describeOptionalPart<S extends object>(
  adapterName: string,
  part: OptionalPart<S>,
  adapter: StoreGetter<object>,
  describeVerbs: (store: StoreGetter<S>) => void,
): void {
  const verbList = part.verbs.join(", ");
  describe(`${part.title} (optional ${part.interfaceName})`, () => {
    beforeAll(() => {
      if (offeredVerbs(adapter(), part).length > 0) return;
      console.info(
        `${adapterName}: ${part.title} not offered by this adapter (${part.fallback}); ` +
          "its tests are skipped.",
      );
    });
    beforeEach((context) => {
      const found = offeredVerbs(adapter(), part);
      if (found.length === part.verbs.length) return;
      if (found.length === 0) context.skip(`not offered by this adapter: ${part.fallback}`);
      const missing = part.verbs.filter((verb) => !found.includes(verb));
      throw new Error(
        `The adapter has ${found.join(", ")} but not ${missing.join(", ")}: createAxor takes a ` +
          `${part.interfaceName} only with all of ${verbList}, so it would ignore these.`,
      );
    });
    describeVerbs(adapter as StoreGetter<S>);
  });
}
