/**
 * The one layout every page shares: Chinese first (`lang="zh-CN"`), the tenant's name
 * and issuing department in the header, its links, who is signed in, a skip link, the
 * stylesheet and any scripts from `/assets` with their integrity hashes. One column on a
 * phone, wider from 48rem (see styles.ts).
 */
import type { ResolvedTenant } from '@sme/core';
import type { Claims } from '@sme/platform';
import type { Child, FC } from 'hono/jsx';
import { CSRF_FIELD } from '../session/csrf.js';
import { ASSETS, type ScriptName } from './assets.js';
import { navigation } from './navigation.js';
import { ROLE_NAMES } from './role-names.js';

export const PLATFORM_NAME = {
  zh: '中小企业数字化转型服务商平台',
  en: 'SME Digital Transformation Provider Platform',
};

export interface LayoutProps {
  title: string;
  tenant?: ResolvedTenant | undefined;
  claims?: Claims | undefined;
  csrf: string;
  scripts?: readonly ScriptName[];
  children?: Child;
}

const Who: FC<{ claims: Claims | undefined; tenant: ResolvedTenant | undefined; csrf: string }> = ({
  claims,
  tenant,
  csrf,
}) => {
  if (!claims) {
    return tenant ? (
      <div class="who">
        <a href={`/${tenant.id}/signin`}>登录 Sign in</a>
      </div>
    ) : null;
  }
  const role = claims.roles[0];
  return (
    <div class="who">
      <span>
        {claims.name ?? (role ? ROLE_NAMES[role].zh : claims.sub)}
        {role && claims.name ? `（${ROLE_NAMES[role].zh}）` : ''}
      </span>
      <form method="post" action="/signout">
        <input type="hidden" name={CSRF_FIELD} value={csrf} />
        <button type="submit">退出 Sign out</button>
      </form>
    </div>
  );
};

export const Layout: FC<LayoutProps> = ({
  title,
  tenant,
  claims,
  csrf,
  scripts = [],
  children,
}) => (
  <html lang="zh-CN">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · ${tenant ? `${tenant.name.zh} · ` : ''}${PLATFORM_NAME.zh}`}</title>
      <link rel="stylesheet" href={ASSETS.css.path} integrity={ASSETS.css.integrity} />
      {scripts.map((name) => (
        <script src={ASSETS[name].path} integrity={ASSETS[name].integrity} defer />
      ))}
    </head>
    <body>
      <a class="skip" href="#main">
        跳到正文 Skip to content
      </a>
      <header class="site">
        <div class="bar">
          <a class="brand" href={tenant ? `/${tenant.id}/` : '/'}>
            {tenant ? tenant.name.zh : PLATFORM_NAME.zh}
            <span class="authority">
              {tenant ? `${tenant.authority.zh} · ${PLATFORM_NAME.zh}` : PLATFORM_NAME.en}
            </span>
          </a>
          {tenant && (
            <nav aria-label="主导航 Main">
              <ul>
                {navigation(tenant, claims).map((link) => (
                  <li>
                    <a href={link.href}>{link.label.zh}</a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <Who claims={claims} tenant={tenant} csrf={csrf} />
        </div>
      </header>
      <main id="main">{children}</main>
      <footer class="site-foot">
        {tenant
          ? `${tenant.authority.zh}（${tenant.authority.en}）`
          : `${PLATFORM_NAME.zh}（${PLATFORM_NAME.en}）`}
        {' · '}
        <a href="/">所有城市 All cities</a>
      </footer>
    </body>
  </html>
);
