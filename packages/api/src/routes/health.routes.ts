import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.js';
import { problemResponse } from '../problem/problem.schema.js';
import { problem } from '../problem/problem-details.js';
import { publicRoute } from './openapi-helpers.js';

const health = createRoute({
  method: 'get',
  path: '/api/health',
  ...publicRoute,
  tags: ['Operations'],
  summary: 'Ready once table, bucket and workflow executor answer',
  responses: {
    200: {
      description: 'Ready',
      content: {
        'application/json': {
          schema: z.object({
            status: z.literal('ok'),
            tenants: z.number().int(),
            resuming: z
              .object({ done: z.number().int(), of: z.number().int() })
              .optional()
              .describe(
                'Present while the review runs found at a restart are being resumed in the background: those resumed, of those found so far',
              ),
          }),
        },
      },
    },
    503: problemResponse('Not ready yet'),
  },
});

export function healthRoutes(deps: Pick<AppDeps, 'readiness' | 'platform'>) {
  return new OpenAPIHono().openapi(health, async (c) => {
    const { ready, detail, resuming } = await deps.readiness();
    if (!ready) {
      return problem(c, 503, 'not_ready', {
        zh: '服务尚未就绪',
        en: detail ?? 'Not ready',
      }) as never;
    }
    const tenants = deps.platform.tenants.all.length;
    return c.json({ status: 'ok' as const, tenants, ...(resuming && { resuming }) }, 200);
  });
}
