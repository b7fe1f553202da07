/**
 * Where an app-mode client keeps its Bearer key between calls (and, with a persistent
 * storage, between app starts). Each method may return a promise.
 *
 * @example
 * ```ts
 * // An app's secure key store (e.g. the platform keychain), with an async API.
 * declare const secureStore: {
 *   getItem(name: string): Promise<string | null>;
 *   setItem(name: string, value: string): Promise<void>;
 *   deleteItem(name: string): Promise<void>;
 * };
 * const keychain: KeyStorage = {
 *   get: () => secureStore.getItem("axor-key"),
 *   set: (key) => secureStore.setItem("axor-key", key),
 *   clear: () => secureStore.deleteItem("axor-key"),
 * };
 * const axor = createAxorClient({
 *   baseUrl: "https://api.example.com/api/user",
 *   mode: "app",
 *   keyStorage: keychain,
 * });
 * ```
 */
export interface KeyStorage {
  /** The stored key, or null. */
  get(): string | null | Promise<string | null>;
  /** Keeps the key of a new sign-in. */
  set(key: string): void | Promise<void>;
  /** Forgets the key (logout, or the server no longer knows it). */
  clear(): void | Promise<void>;
}

/**
 * A key storage in memory: the default. The key lives as long as the client object.
 *
 * @example
 * ```ts
 * const keys = memoryKeyStorage();
 * const axor = createAxorClient({ baseUrl: "http://localhost:3000/api/user", mode: "app", keyStorage: keys });
 * await axor.login({ email: "ada@example.com", password: "correct horse battery" });
 * console.log(keys.get()); // the Bearer key
 * ```
 */
export function memoryKeyStorage(): KeyStorage & { get(): string | null } {
  let key: string | null = null;
  return {
    get: () => key,
    set: (value) => {
      key = value;
    },
    clear: () => {
      key = null;
    },
  };
}
