/**
 * Login attempts per account: at most `max` failed logins of one account within `windowMs`;
 * beyond that every login of the account is refused until the oldest failure leaves the window
 * (a password guesser spread over many clients is slowed per account; the per-client limit is
 * @fastify/rate-limit's). In memory: a restart forgets it.
 */
export class AccountThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Milliseconds until the account may try again (0: now). */
  retryAfterMs(username: string): number {
    const list = this.recent(username);
    return list.length < this.max ? 0 : list[0] + this.windowMs - this.now();
  }

  fail(username: string): void {
    const list = this.recent(username);
    list.push(this.now());
    this.failures.set(username, list);
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value as string);
  }

  succeed(username: string): void {
    this.failures.delete(username);
  }

  private recent(username: string): number[] {
    const since = this.now() - this.windowMs;
    return (this.failures.get(username) ?? []).filter((t) => t > since);
  }
}
