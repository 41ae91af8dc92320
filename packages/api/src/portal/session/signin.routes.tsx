/**
 * Signing in and out of the portal. Locally (`pnpm dev`) the sign-in page offers the
 * demo people of the tenant (demo-identities.ts); choosing one starts a session with a
 * token signed like `/api/dev/login`'s. On a deployment the tenant's sign-in goes to the
 * OIDC issuer (oidc.routes.ts). Signing out ends the session, from any page.
 */
import type { Platform } from '@sme/platform';
import { Hono } from 'hono';
import { claimsForLogin, signDevToken, TOKEN_LIFETIME_SECONDS } from '../../auth/dev-login.js';
import type { AppDeps, DevDeps } from '../../deps.js';
import { scopeOf } from '../../middleware/tenant-scope/index.js';
import { renderPage } from '../shell/page.js';
import { Bi } from '../shell/text.js';
import { CSRF_FIELD, csrfToken } from './csrf.js';
import { demoIdentities } from './demo-identities.js';
import { oidcCallback, oidcSignInStart } from './oidc.routes.js';
import { endSession, startSession } from './session.js';
import { safeNext } from './signin-paths.js';

/**
 * `/signin` (choose a tenant), `/signout`, and on a deployment the issuer's callback:
 * the routes outside any tenant.
 */
export function signInRoot(platform: Platform, deps: Pick<AppDeps, 'oidc' | 'verifier'>) {
  const root = new Hono();
  if (deps.oidc) root.route('/', oidcCallback(deps.oidc, deps.verifier));
  return root
    .get('/signin', (c) =>
      renderPage(
        c,
        { title: '登录' },
        <>
          <h1>
            登录 <span class="en">Sign in</span>
          </h1>
          <p>请选择您所在的城市或省级主管部门。Choose your city or the province.</p>
          <ul class="cards">
            {platform.tenants.all.map((t) => (
              <li class="card">
                <a href={`/${t.id}/signin`}>
                  <Bi text={t.name} />
                </a>
              </li>
            ))}
          </ul>
        </>,
      ),
    )
    .post('/signout', (c) => {
      endSession(c);
      return c.redirect('/', 303);
    });
}

/**
 * A tenant's sign-in: the demo people on the local stack, the issuer on a deployment
 * (oidc.routes.ts), or a page saying sign-in is not configured.
 */
export function signInPages(deps: Pick<AppDeps, 'dev' | 'oidc'>) {
  if (deps.dev) return demoSignIn(deps.dev);
  if (deps.oidc) return oidcSignInStart(deps.oidc, safeNext);
  return new Hono().get('/:t/signin', (c) =>
    renderPage(
      c,
      { title: '登录', status: 503 },
      <>
        <h1>
          登录 <span class="en">Sign in</span>
        </h1>
        <p>本部署尚未配置统一身份认证。Sign-in is not configured on this deployment.</p>
      </>,
    ),
  );
}

/** The demo people of the tenant, one button each. */
function demoSignIn(dev: DevDeps) {
  return new Hono()
    .get('/:t/signin', (c) => {
      const tenant = scopeOf(c).tenant;
      const next = safeNext(tenant, c.req.query('next'));
      return renderPage(
        c,
        { title: '登录' },
        <>
          <h1>
            登录 <span class="en">Sign in</span>
          </h1>
          <div class="notice-box">
            <p>本机演示环境：请选择一个演示身份登录。正式部署通过统一身份认证平台登录。</p>
            <p class="en" lang="en">
              Local demo: choose a demo identity. A deployment signs in through the identity
              platform.
            </p>
          </div>
          <ul class="identities">
            {demoIdentities(tenant).map((identity) => (
              <li>
                <form method="post" action={`/${tenant.id}/signin`}>
                  <input type="hidden" name={CSRF_FIELD} value={csrfToken(c)} />
                  {next && <input type="hidden" name="next" value={next} />}
                  <button type="submit" name="identity" value={identity.id}>
                    <Bi text={identity.label} />
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>,
      );
    })
    .post('/:t/signin', async (c) => {
      const tenant = scopeOf(c).tenant;
      const form = await c.req.parseBody();
      const identity = demoIdentities(tenant).find((i) => i.id === form.identity);
      if (!identity) return c.redirect(`/${tenant.id}/signin`, 303);
      const claims = claimsForLogin(tenant, identity.request);
      startSession(
        c,
        await signDevToken(claims, dev.tokenSecret, dev.sessionClock.now()),
        TOKEN_LIFETIME_SECONDS,
      );
      return c.redirect(safeNext(tenant, form.next) ?? `/${tenant.id}/`, 303);
    });
}
