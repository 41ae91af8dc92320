/**
 * Where the deployment and the app must agree: the routes the gateway leaves open are
 * exactly the app's public operations, the functions get every variable they read, and
 * the default pool's claim names cover every claim the API maps.
 */
import { DEFAULT_CLAIM_NAMES } from '@sme/api';
import { testApp } from '@sme/api/testing';
import { ENVIRONMENT_VARIABLES } from '@sme/functions/environment';
import { COGNITO_CLAIM_NAMES } from '@sme/infra/deployment-config';
import { PUBLIC_ROUTES } from '@sme/infra/public-routes';
import { synthPlatform } from '@sme/infra/testing';
import { describe, expect, inject, it } from 'vitest';

type Operation = { security?: unknown[] };

describe('the gateway and the app', () => {
  it('leave open exactly the operations the OpenAPI document marks public', async () => {
    const { app } = await testApp();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      security: unknown[];
      paths: Record<string, Record<string, Operation>>;
    };
    expect(doc.security).toEqual([{ bearer: [] }]);
    const open = Object.entries(doc.paths)
      .filter(([path]) => !path.startsWith('/api/dev/'))
      .flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      );
    const served = ['GET /api/openapi.json', 'GET /api/docs'];
    expect([...open, ...served].sort()).toEqual(
      PUBLIC_ROUTES.map((r) => `${r.method} ${r.path}`).sort(),
    );
  });

  it('answers every public route without a token, and 401 on a staff route', async () => {
    const { app } = await testApp();
    for (const route of PUBLIC_ROUTES.filter((r) => r.method === 'GET')) {
      const path = route.path
        .replace('{t}', 'qingdao')
        .replace('{p}', 'dx-providers-2024')
        .replace('{uscc}', '91370200MA3C0000XX');
      // Reached without a token: a member's page of an organization not in the pool is a 404.
      const expected = route.path.includes('{uscc}') ? 404 : 200;
      expect((await app.request(path)).status, path).toBe(expected);
    }
    expect((await app.request('/api/tenants/qingdao/tasks')).status).toBe(401);
  });

  it('gives each function every variable the functions read', () => {
    const { template } = synthPlatform(inject('tenants'), { stage: 'check' });
    const variables = Object.values(template.findResources('AWS::Lambda::Function')).map((fn) =>
      Object.keys(fn.Properties.Environment.Variables as object).sort(),
    );
    for (const keys of variables) expect(keys).toEqual([...ENVIRONMENT_VARIABLES].sort());
  });

  it('maps every claim the API reads in the default user pool', () => {
    expect(Object.keys(COGNITO_CLAIM_NAMES).sort()).toEqual(
      Object.keys(DEFAULT_CLAIM_NAMES).sort(),
    );
  });
});
