/**
 * `pnpm audit:verify <tenant> <applicationId>`: recomputes the application's history
 * chain from the table and says where it breaks (the event, and why), or that it holds
 * and the stored application is what its latest event recorded. Exits 1 when broken.
 *
 * Where the table is: `DYNAMODB_ENDPOINT` (DynamoDB Local), else the engines of the local
 * stack running on `DATA_DIR` (it writes `endpoints.json` there), else AWS with the
 * ambient credentials; `TABLE_NAME` names the table (`sme-dx` by default).
 */
import { resolve } from 'node:path';
import { auditApplication } from '@sme/platform';
import { ApplicationRepository, createTableClients, TenantTable, tenantContext } from '@sme/store';
import { loadTenants } from '@sme/tenants/load';
import { TABLE_NAME } from '../server/local-stack.js';
import { readStackEndpoints } from '../server/stack-endpoints.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const [tenantId, applicationId] = process.argv.slice(2);
if (!tenantId || !applicationId) {
  console.error('usage: pnpm audit:verify <tenant> <applicationId>');
  process.exit(2);
}
const { tenants } = await loadTenants();
const tenant = tenants.find((t) => t.id === tenantId);
if (!tenant) {
  console.error(`✗ no tenant ${tenantId} (known: ${tenants.map((t) => t.id).join(', ')})`);
  process.exit(2);
}
const local = process.env.DYNAMODB_ENDPOINT
  ? undefined
  : await readStackEndpoints(resolve(process.env.DATA_DIR ?? '.data'));
const endpoint = process.env.DYNAMODB_ENDPOINT ?? local?.dynamodb;
if (!endpoint && !process.env.AWS_REGION && !process.env.AWS_DEFAULT_REGION) {
  console.error(
    `✗ no table to read: no local stack runs on ${resolve(process.env.DATA_DIR ?? '.data')} (start pnpm dev, or set DATA_DIR), no DYNAMODB_ENDPOINT, and no AWS_REGION for the deployment's table`,
  );
  process.exit(2);
}
const clients = createTableClients(endpoint ? { dynamodb: endpoint } : undefined);
const table = new TenantTable(
  clients.documents,
  process.env.TABLE_NAME ?? local?.table ?? TABLE_NAME,
);
try {
  const audit = await auditApplication(
    new ApplicationRepository(table),
    tenantContext(tenant),
    applicationId,
  );
  if (!audit) {
    console.error(`✗ ${tenantId}/${applicationId}: no such application`);
    process.exitCode = 2;
  } else if (audit.ok) {
    console.log(
      `✓ ${tenantId}/${applicationId}: ${audit.events} events, chain intact, content matches the latest event (head ${audit.head.slice(0, 12)}…)`,
    );
  } else {
    console.error(
      `✗ ${tenantId}/${applicationId}: broken at event ${audit.seq} of ${audit.events} (${audit.reason}): ${audit.detail}`,
    );
    process.exitCode = 1;
  }
} finally {
  clients.dynamodb.destroy();
}
