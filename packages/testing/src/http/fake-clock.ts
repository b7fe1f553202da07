/**
 * A clock the tests move by hand, passed to Axor as its `now` option.
 *
 * @example
 * ```ts
 * const clock = new FakeClock();
 * const overrides = { now: () => clock.now() };
 * clock.advanceSeconds(3600);
 * ```
 */
export class FakeClock {
  #current: number;

  constructor(start: Date = new Date()) {
    this.#current = start.getTime();
  }

  /** The current fake time, as a fresh Date. */
  now(): Date {
    return new Date(this.#current);
  }

  /** Moves the clock forward. */
  advanceSeconds(seconds: number): void {
    this.#current += seconds * 1000;
  }
}
