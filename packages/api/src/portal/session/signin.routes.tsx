/**
 * Signing in and out of the portal. Locally (`pnpm dev`) the sign-in page offers the
 * demo people of the tenant (demo-identities.ts); choosing one starts a session with a
 * token signed like `/api/dev/login`'s. Signing out ends the session, from any page.
 */
import type { ResolvedTenant } from '@sme/core';
import type { Platform } from '@sme/platform';
import { Hono } from 'hono';
import { claimsForLogin, signDevToken, TOKEN_LIFETIME_SECONDS } from '../../auth/dev-login.js';
import type { DevDeps } from '../../deps.js';
import { scopeOf } from '../../middleware/tenant-scope/index.js';
import { renderPage } from '../shell/page.js';
import { Bi } from '../shell/text.js';
import { CSRF_FIELD, csrfToken } from './csrf.js';
import { demoIdentities } from './demo-identities.js';
import { endSession, startSession } from './session.js';

/** A path on this site under the tenant, or nothing: never an open redirect. */
export function safeNext(tenant: ResolvedTenant, next: unknown): string | undefined {
  if (typeof next !== 'string') return undefined;
  return next.startsWith(`/${tenant.id}/`) && !/[\\\s]|\/\/|\/\.\.?\//.test(next)
    ? next
    : undefined;
}

/** `/signin` (choose a tenant) and `/signout`, outside any tenant. */
export function signInRoot(platform: Platform) {
  return new Hono()
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

/** A tenant's sign-in page and its post. */
export function signInPages(dev: DevDeps | undefined) {
  return new Hono()
    .get('/:t/signin', (c) => {
      const tenant = scopeOf(c).tenant;
      const next = safeNext(tenant, c.req.query('next'));
      if (!dev) {
        return renderPage(
          c,
          { title: '登录' },
          <>
            <h1>登录</h1>
            <p>本部署尚未配置统一身份认证。Sign-in is not configured on this deployment.</p>
          </>,
        );
      }
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
      if (!dev || !identity) return c.redirect(`/${tenant.id}/signin`, 303);
      const claims = claimsForLogin(tenant, identity.request);
      startSession(
        c,
        await signDevToken(claims, dev.tokenSecret, dev.sessionClock.now()),
        TOKEN_LIFETIME_SECONDS,
      );
      return c.redirect(safeNext(tenant, form.next) ?? `/${tenant.id}/`, 303);
    });
}
