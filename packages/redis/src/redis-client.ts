import { StorageUnavailableError } from "@axor/core/storage";

/** What Axor needs of an `ioredis` client (`new Redis(url)`): its raw-command method. */
export interface IoredisLikeClient {
  call(command: string, ...args: (string | number)[]): Promise<unknown>;
  /** "ready" once connected; "wait" until the first command of a `lazyConnect` client. */
  readonly status: string;
  on(event: "error", listener: (error: Error) => void): unknown;
  listenerCount(event: "error"): number;
}

/** What Axor needs of a `redis` (node-redis) client (`createClient({ url })`). */
export interface NodeRedisLikeClient {
  sendCommand(args: string[]): Promise<unknown>;
  /** True while connected (after `connect()` and between reconnects). */
  readonly isReady: boolean;
  on(event: "error", listener: (error: Error) => void): unknown;
  listenerCount(event: "error"): number;
}

/** Either client; `redisRateLimitStore` tells them apart by their methods. */
export type RedisClient = IoredisLikeClient | NodeRedisLikeClient;

/** Sends one raw Redis command (`["HMGET", key, "c"]`) and resolves with its reply. */
export type SendCommand = (args: string[]) => Promise<unknown>;

const isFunction = (value: unknown) => typeof value === "function";
const methodOf = (client: unknown, name: string) =>
  typeof client === "object" &&
  client !== null &&
  isFunction((client as Record<string, unknown>)[name]);

/**
 * True for an object that is an ioredis client (it has `call` and `defineCommand`) or a
 * node-redis client (`sendCommand` without `defineCommand`), and can report errors (`on`).
 */
export function isRedisClient(client: unknown): client is RedisClient {
  if (!methodOf(client, "on") || !methodOf(client, "listenerCount")) return false;
  return isIoredis(client) || methodOf(client, "sendCommand");
}

function isIoredis(client: unknown): client is IoredisLikeClient {
  return methodOf(client, "call") && methodOf(client, "defineCommand");
}

/**
 * The raw-command sender of `client`. While the client is not connected a command is not sent
 * at all: both clients would queue it and run it after reconnecting, so a hit refused with a
 * 503 during an outage would still be counted later. Every failure, and a reply that takes
 * longer than `timeoutMs`, rejects with `StorageUnavailableError`, which the core answers 503.
 */
export function commandSender(client: RedisClient, timeoutMs: number): SendCommand {
  const [isReady, send]: [() => boolean, SendCommand] = isIoredis(client)
    ? [
        () => client.status === "ready" || client.status === "wait",
        ([command = "", ...args]) => client.call(command, ...args),
      ]
    : [
        () => (client as NodeRedisLikeClient).isReady,
        (args) => (client as NodeRedisLikeClient).sendCommand(args),
      ];
  return (args) =>
    withTimeout(
      isReady() ? send(args) : Promise.reject(new Error("The Redis client is not connected")),
      timeoutMs,
    );
}

async function withTimeout<T>(reply: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([reply, timedOut]);
  } catch (error) {
    if (isNoScript(error)) throw error;
    throw new StorageUnavailableError({ cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** Redis's answer to EVALSHA for a script it does not hold (after a restart or SCRIPT FLUSH). */
export function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith("NOSCRIPT");
}
