import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export interface TokenClaims {
  iss?: string;
  aud?: string;
  serviceurl?: string;
  exp?: number;
  nbf?: number;
  [claim: string]: unknown;
}

/**
 * A local stand-in for the Bot Framework's OpenID metadata and signing keys
 * (login.botframework.com), so token validation can be tested without the internet.
 * It publishes one RSA key (with the 'msteams' endorsement, as the real key set does) and signs
 * RS256 tokens with it; `signWithStrangerKey` signs with a key it does not publish.
 */
export class JwtIssuer {
  readonly kid = 'waakvlam-test-key';
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: http.Server;
  url = '';
  requests = 0;

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      this.requests++;
      const json = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.url === '/v1/.well-known/openidconfiguration') {
        return json({
          issuer: 'https://api.botframework.com',
          jwks_uri: `${this.url}/v1/.well-known/keys`,
          id_token_signing_alg_values_supported: ['RS256'],
        });
      }
      if (req.url === '/v1/.well-known/keys') {
        const jwk = this.key.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
        return json({
          keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }],
        });
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  /** A token as the Bot Connector service sends it: valid for an hour from now. */
  token(claims: TokenClaims): string {
    return this.signed(claims, this.key.privateKey, this.kid);
  }

  /** Same header (kid) as a real token, but signed with a key nobody published. */
  signWithStrangerKey(claims: TokenClaims): string {
    return this.signed(claims, this.stranger.privateKey, this.kid);
  }

  private signed(claims: TokenClaims, key: KeyObject, kid: string): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = { nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims };
    const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid, x5t: kid }));
    const body = b64url(JSON.stringify(payload));
    const signature = sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key);
    return `${head}.${body}.${b64url(signature)}`;
  }
}
