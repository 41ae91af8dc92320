/**
 * What the global setups hand to tests with `inject()`: the resolved tenants
 * (`tenants.global.ts`) and the local engines' endpoints (`local-engines.global.ts`), and the browser (`chromium.global.ts`).
 */
import type { ResolvedTenant } from '@sme/core';

declare module 'vitest' {
  export interface ProvidedContext {
    tenants: ResolvedTenant[];
    /** One DynamoDB Local per test worker: `localDynamoDbEndpoint()` picks its own. */
    dynamodbEndpoints: string[];
    s3Endpoint: string;
    /** The chromium binary the browser suites drive (`chromium.global.ts`). */
    chromiumPath: string;
  }
}
