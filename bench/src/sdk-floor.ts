/**
 * The cold bench's peer: the AWS SDK clients the API's function uses, and nothing else,
 * bundled as the functions are (`esbuildOptions`: minified ESM, the same aliases), and
 * a probe that imports them and constructs each client once. What it weighs and costs
 * is a floor under the API's bundle and cold start for as long as the SDK is bundled
 * (bundling.ts says why it is), whatever the platform's own code does.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { esbuildOptions, REPO_ROOT } from '@sme/infra/bundling';
import { build } from 'esbuild';

/** The API's clients: the table (with the document client), the bucket and its presigners, Step Functions. */
const ENTRY = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
export const construct = () => [
  DynamoDBDocumentClient.from(new DynamoDBClient({})),
  new S3Client({}),
  new SFNClient({}),
  createPresignedPost,
  getSignedUrl,
];
`;

const PROBE = `const { construct } = await import('./index.mjs');
const imported = performance.now();
construct();
console.log(JSON.stringify({ imported, answered: performance.now() }));
`;

/** Builds the peer into `dir`; answers its bundle, its size and its probe. */
export async function buildSdkFloor(dir: string) {
  const file = join(dir, 'index.mjs');
  // The API's options, without its entry and its tenants (nothing here reads them).
  const {
    outdir: _outdir,
    outExtension: _ext,
    entryPoints: _entry,
    inject: _tenants,
    ...options
  } = esbuildOptions('api', '', dir);
  const { metafile } = await build({
    ...options,
    outfile: file,
    // Resolved where the platform's packages resolve them.
    stdin: { contents: ENTRY, resolveDir: REPO_ROOT, loader: 'ts' },
    nodePaths: ['packages/store', 'packages/workflow'].map((p) =>
      join(REPO_ROOT, p, 'node_modules'),
    ),
  });
  const probe = join(dir, 'bench-probe.mjs');
  await writeFile(probe, PROBE);
  const bytes = metafile.outputs[Object.keys(metafile.outputs)[0] as string]?.bytes ?? 0;
  return {
    file,
    bytes,
    probe,
    call: 'import + construct the clients (DynamoDB, S3, Step Functions)',
  };
}
