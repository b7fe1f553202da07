import { afterAll, beforeAll } from "vitest";
import type { StorageFixture, StoreGetter } from "./storage-fixture.js";

/**
 * Runs `factory` once before the first test of the enclosing `describe` and its `cleanup` after
 * the last one; returns how the tests reach the store. Call it inside a `describe` block.
 */
export function useStoreFixture<S extends object>(
  name: string,
  factory: () => Promise<StorageFixture<S>>,
): StoreGetter<S> {
  let fixture: StorageFixture<S> | undefined;
  beforeAll(async () => {
    fixture = await factory();
  });
  afterAll(async () => {
    await fixture?.cleanup?.();
  });
  return () => {
    if (!fixture) throw new Error(`The ${name} factory has not finished.`);
    return fixture.storage;
  };
}
