import { setTimeout as sleep } from "node:timers/promises";
import type { AnswerLog } from "./answer-log.js";
import {
  type Credentials,
  loginRequest,
  logoutRequest,
  meRequest,
  sessionKeyOf,
} from "./app-requests.js";
import { recordedFetch } from "./recorded-fetch.js";
import type { SeededUsers } from "./seed-users.js";

/** How many clients of each kind loop at once. */
export interface LoadMix {
  /** Clients looping `GET me/` with a seeded Bearer key each. */
  me: number;
  /** Clients looping app logins. */
  login: number;
  /** Clients looping an app login, then a logout with the key it got. */
  logout: number;
}

/** What the load runs against, and when it must end. */
export interface LoadTarget {
  origin: string;
  users: SeededUsers;
  /** False once the app exited: the clients stop at once instead of knocking on a closed port. */
  isRunning(): boolean;
  /** Aborted: each client finishes (and records) its current request and stops. */
  stop: AbortSignal;
}

/** Pause after an unanswered request, so a dead app is not hammered in a tight loop. */
const PAUSE_AFTER_NO_ANSWER_MS = 50;

type ClientRound = (index: number) => Promise<boolean>;

async function loop(target: LoadTarget, index: number, round: ClientRound): Promise<void> {
  while (!target.stop.aborted && target.isRunning()) {
    const answered = await round(index);
    if (!answered) await sleep(PAUSE_AFTER_NO_ANSWER_MS);
  }
}

/**
 * Runs the mix of app clients against `target.origin` until `target.stop` is aborted or the app
 * exits, recording every answer in `log`. Each client sends one request at a time; each request
 * is bounded (see `recordedFetch`), so the load ends at most 5 s after the stop.
 *
 * @example
 * ```ts
 * const stop = new AbortController();
 * const load = runAuthLoad({ origin, users, isRunning, stop: stop.signal }, { me: 12, login: 3, logout: 2 }, log);
 * setTimeout(() => stop.abort(), 5_000);
 * await load;
 * ```
 */
export async function runAuthLoad(target: LoadTarget, mix: LoadMix, log: AnswerLog): Promise<void> {
  const { origin, users } = target;
  const account = (index: number) => users.accounts[index % users.accounts.length] as Credentials;
  const readMe: ClientRound = async (index) => {
    const key = users.keys[index % users.keys.length] as string;
    return (await recordedFetch(log, meRequest(origin, key))) !== undefined;
  };
  const logIn: ClientRound = async (index) =>
    (await recordedFetch(log, loginRequest(origin, account(index)))) !== undefined;
  const logInAndOut: ClientRound = async (index) => {
    const login = await recordedFetch(log, loginRequest(origin, account(index)));
    const key = login?.status === 200 ? sessionKeyOf(login.body) : undefined;
    if (!key) return login !== undefined;
    return (await recordedFetch(log, logoutRequest(origin, key))) !== undefined;
  };
  const clients = [
    ...Array.from({ length: mix.me }, (_, i) => loop(target, i, readMe)),
    ...Array.from({ length: mix.login }, (_, i) => loop(target, i, logIn)),
    ...Array.from({ length: mix.logout }, (_, i) => loop(target, mix.login + i, logInAndOut)),
  ];
  await Promise.all(clients);
}
