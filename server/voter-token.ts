import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Voter tokens: a random id signed by the server, kept by the visitor's browser and sent with a
 * vote. One vote per token per article; the token names no person and no IP.
 */
export class VoterTokens {
  constructor(private readonly secret: string) {}

  issue(): string {
    const id = randomBytes(16).toString('base64url');
    return `${id}.${this.sign(id)}`;
  }

  /** The voter id inside a genuine token, or null for anything forged or malformed. */
  verify(token: string | undefined): string | null {
    if (!token || token.length > 200) return null;
    const [id, signature, extra] = token.split('.');
    if (!id || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(id));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
  }

  private sign(id: string): string {
    return createHmac('sha256', this.secret).update(`voter:${id}`).digest('base64url');
  }
}
