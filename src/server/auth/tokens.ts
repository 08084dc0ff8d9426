import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'flowdeck';
const EXPIRED = 'the access token has expired: refresh it (POST /auth/refresh) or log in again';
const MAX_VERIFIED = 10_000;

/**
 * Access tokens: HS256 JWTs (jose) carrying the user name (`sub`) and the issue instant in ms
 * (`iat_ms`, compared with the account's `tokens_after` so that logout takes effect at once).
 * Roles are not in the token: they are read from the account on every request, so a role
 * change applies to the next request.
 */
export class AccessTokens {
  private readonly key: Uint8Array;
  /**
   * Tokens whose signature and claims were checked, with their expiry: a client sends the same
   * token on every request, and an HMAC check through Web Crypto (key import included) was ~10%
   * of a request. A hit is the same string that verified, so only the expiry is checked again;
   * `tokens_after` (logout, password change) is checked by the guard on every request anyway.
   */
  private readonly verified = new Map<string, { username: string; issuedAtMs: number; expiresAtMs: number }>();

  constructor(
    secret: string,
    private readonly ttlS: number,
    private readonly now: () => number,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  get expiresIn(): number {
    return this.ttlS;
  }

  async sign(username: string): Promise<string> {
    const nowMs = this.now();
    const iat = Math.floor(nowMs / 1000);
    return new SignJWT({ iat_ms: nowMs }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setSubject(username).setIssuer(ISSUER)
      .setJti(randomUUID()).setIssuedAt(iat).setExpirationTime(iat + this.ttlS).sign(this.key);
  }

  /** The token's user and issue instant, or why it is refused (a sentence for the 401 message). */
  async verify(token: string): Promise<{ username: string; issuedAtMs: number } | { refused: string }> {
    const hit = this.verified.get(token);
    if (hit) {
      if (this.now() < hit.expiresAtMs) return { username: hit.username, issuedAtMs: hit.issuedAtMs };
      this.verified.delete(token);
      return { refused: EXPIRED };
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'], currentDate: new Date(this.now()) });
      if (typeof payload.sub !== 'string' || typeof payload.iat_ms !== 'number') return { refused: 'the access token lacks its subject' };
      const ok = { username: payload.sub, issuedAtMs: payload.iat_ms };
      if (typeof payload.exp === 'number') {
        // Bounded: the oldest entry goes first (a Map keeps insertion order).
        if (this.verified.size >= MAX_VERIFIED) this.verified.delete(this.verified.keys().next().value as string);
        this.verified.set(token, { ...ok, expiresAtMs: payload.exp * 1000 });
      }
      return ok;
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { refused: EXPIRED };
      return { refused: 'the access token is not valid' };
    }
  }
}
