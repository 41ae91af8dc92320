/**
 * `renderPage(c, props, body)`: a page in the shared layout, with whatever the request
 * already knows (the path's tenant, who is signed in, the form token) filled in.
 */
import type { ResolvedTenant } from '@sme/core';
import type { Claims } from '@sme/platform';
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ScriptName } from './assets.js';
import { Layout } from './layout.js';

export interface PageOptions {
  title: string;
  scripts?: readonly ScriptName[];
  status?: ContentfulStatusCode;
  /** Defaults to the path's tenant. */
  tenant?: ResolvedTenant | undefined;
}

export async function renderPage(c: Context, options: PageOptions, body: Child): Promise<Response> {
  const html = await (
    <Layout
      title={options.title}
      tenant={options.tenant ?? (c.get('tenant') as ResolvedTenant | undefined)}
      claims={c.get('claims') as Claims | undefined}
      csrf={(c.get('csrf') as string | undefined) ?? ''}
      scripts={options.scripts ?? []}
    >
      {body}
    </Layout>
  ).toString();
  return c.html(`<!doctype html>${html}`, options.status ?? 200);
}
