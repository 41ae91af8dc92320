/**
 * Signing in through the deployment's OIDC issuer (Cognito's hosted UI, or the
 * province's identity platform): the authorization-code flow with PKCE, done by
 * `oauth4webapi` (a small, well-kept, certified client) rather than by hand. The
 * portal keeps the flow's secrets (state, nonce, code verifier) in a short-lived
 * HttpOnly cookie between the two legs; what comes back is the issuer's ID token, which
 * the portal keeps as its session and verifies on every request with the same verifier
 * as the API's bearer tokens (key set, issuer, audience, claim names).
 */
import * as oauth from 'oauth4webapi';
import { SignInFailedError } from '../problem/errors.js';

export interface OidcSignInOptions {
  /** The issuer identifier; its discovery document names the endpoints. */
  issuer: string;
  /** The portal's client id at the issuer (a public client: no secret, PKCE instead). */
  clientId: string;
  /** @default 'openid email profile' */
  scope?: string;
  /** How the issuer is reached (tests answer in process). @default fetch */
  fetch?: IssuerFetch;
}

/** A request to the issuer: its URL, method, headers and (for the token endpoint) form body. */
export type IssuerFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: URLSearchParams | undefined },
) => Promise<Response>;

/** What the first leg leaves for the second: kept in the `signin` cookie. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  /** Where to go once signed in (a path of this site, checked when it was given). */
  next?: string;
}

export interface SignedIn {
  idToken: string;
  /** Seconds until the ID token expires: the session's lifetime. */
  expiresIn: number;
}

export class OidcSignIn {
  private readonly client: oauth.Client;
  private server: Promise<oauth.AuthorizationServer> | undefined;

  constructor(private readonly options: OidcSignInOptions) {
    this.client = { client_id: options.clientId };
  }

  private get requestOptions() {
    return this.options.fetch ? { [oauth.customFetch]: this.options.fetch } : {};
  }

  /** The issuer's metadata, fetched once; a failed fetch is tried again next time. */
  private authorizationServer(): Promise<oauth.AuthorizationServer> {
    if (!this.server) {
      const issuer = new URL(this.options.issuer);
      this.server = oauth
        .discoveryRequest(issuer, { algorithm: 'oidc', ...this.requestOptions })
        .then((response) => oauth.processDiscoveryResponse(issuer, response))
        .catch((error: unknown) => {
          this.server = undefined;
          throw new SignInFailedError('issuer_unavailable', error);
        });
    }
    return this.server;
  }

  /** The first leg: where to send the browser, and what to keep until it comes back. */
  async start(redirectUri: string, next?: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const server = await this.authorizationServer();
    if (!server.authorization_endpoint) {
      throw new SignInFailedError('issuer_unavailable', 'no authorization_endpoint');
    }
    const pending: PendingSignIn = {
      state: oauth.generateRandomState(),
      nonce: oauth.generateRandomNonce(),
      verifier: oauth.generateRandomCodeVerifier(),
      ...(next && { next }),
    };
    const url = new URL(server.authorization_endpoint);
    url.search = new URLSearchParams({
      client_id: this.client.client_id,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: this.options.scope ?? 'openid email profile',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oauth.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
    }).toString();
    return { url, pending };
  }

  /**
   * The second leg: the callback's parameters checked against the pending state, the
   * code exchanged with its verifier, the ID token's issuer, audience, nonce and expiry
   * checked by the library.
   */
  async finish(callback: URL, redirectUri: string, pending: PendingSignIn): Promise<SignedIn> {
    const server = await this.authorizationServer();
    try {
      const parameters = oauth.validateAuthResponse(server, this.client, callback, pending.state);
      const response = await oauth.authorizationCodeGrantRequest(
        server,
        this.client,
        oauth.None(),
        parameters,
        redirectUri,
        pending.verifier,
        this.requestOptions,
      );
      const result = await oauth.processAuthorizationCodeResponse(server, this.client, response, {
        expectedNonce: pending.nonce,
        requireIdToken: true,
      });
      const claims = oauth.getValidatedIdTokenClaims(result);
      const idToken = result.id_token;
      if (!claims || !idToken) throw new Error('no ID token');
      return { idToken, expiresIn: Math.max(0, claims.exp - Math.floor(Date.now() / 1000)) };
    } catch (error) {
      if (error instanceof oauth.AuthorizationResponseError) {
        throw new SignInFailedError(
          error.error === 'access_denied' ? 'signin_cancelled' : 'signin_refused',
          error,
        );
      }
      throw new SignInFailedError('signin_refused', error);
    }
  }
}
