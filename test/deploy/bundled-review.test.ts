/**
 * The deployed review path on the built bundles of the timer tick and the stage task:
 * their own AWS SDK talks to DynamoDB Local and to a Step Functions endpoint on loopback
 * that speaks the service's JSON protocol and records each call, since Step Functions
 * has no local engine.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { testApp } from '@sme/api/testing';
import { bundleFunction } from '@sme/infra/bundle-report';
import { writeTenantsModule } from '@sme/infra/bundling';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ApiClient } from '../support/api-client.js';
import { ARN_PREFIX, functionEnvironment, localAwsEnvironment } from '../support/deployment.js';
import { OPEN_AT, PROGRAM } from '../support/qingdao.js';
import { submittedApplication } from '../support/submitted.js';

type Call = { action: string; input: Record<string, string> };
type Invoke = (event?: unknown) => Promise<Record<string, unknown>>;

const calls: Call[] = [];
let stepFunctions: Server;
let outdir: string;
let harness: Awaited<ReturnType<typeof testApp>>;
let tick: Invoke;
let stage: Invoke;

/** Answers StartExecution and SendTaskSuccess as the service does (awsJson1_0). */
function recordingStepFunctions(): Server {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      const action = String(req.headers['x-amz-target']).replace('AWSStepFunctions.', '');
      const input = JSON.parse(body) as Record<string, string>;
      calls.push({ action, input });
      res.setHeader('content-type', 'application/x-amz-json-1.0');
      res.end(
        JSON.stringify(
          action === 'StartExecution'
            ? { executionArn: `${input.stateMachineArn}:${input.name}`, startDate: 1.7e9 }
            : {},
        ),
      );
    });
  });
}

beforeAll(async () => {
  stepFunctions = recordingStepFunctions();
  await new Promise<void>((ready) => stepFunctions.listen(0, '127.0.0.1', ready));
  harness = await testApp({ start: OPEN_AT });
  outdir = await mkdtemp(join(tmpdir(), 'sme-review-bundles-'));
  const tenantsModule = writeTenantsModule(inject('tenants'), outdir);
  const [tickBundle, stageBundle] = await Promise.all([
    bundleFunction('timerTick', tenantsModule, outdir),
    bundleFunction('reviewStage', tenantsModule, outdir),
  ]);
  Object.assign(process.env, functionEnvironment(harness.store.table.tableName), {
    ...localAwsEnvironment(),
    AWS_ENDPOINT_URL_SFN: `http://127.0.0.1:${(stepFunctions.address() as AddressInfo).port}`,
  });
  const load = async (file: string) =>
    ((await import(pathToFileURL(file).href)) as { handler: Invoke }).handler;
  tick = await load(tickBundle.file);
  stage = await load(stageBundle.file);
}, 60_000);

afterAll(async () => {
  await new Promise((done) => stepFunctions.close(done));
  await rm(outdir, { recursive: true, force: true });
});

describe('the bundled timer tick and stage task', () => {
  it('start the review of a submission, run its stages, and release a decided task', async () => {
    const { id } = await submittedApplication(harness.app, 801, 'laoshan');
    expect(await tick()).toEqual({ started: 1, closed: 0, released: 0, deadlines: 0 });
    expect(calls).toEqual([
      {
        action: 'StartExecution',
        input: {
          stateMachineArn: `${ARN_PREFIX}sme-dx-test-qingdao-${PROGRAM}`,
          name: id,
          input: JSON.stringify({ tenant: 'qingdao', programId: PROGRAM, applicationId: id }),
        },
      },
    ]);

    const payload = { tenant: 'qingdao', programId: PROGRAM, applicationId: id };
    expect(await stage({ ...payload, stage: 'screening', kind: 'screening' })).toEqual({
      outcome: 'pass',
    });
    const waiting = { ...payload, stage: 'district-review', kind: 'manual', taskToken: 't-801' };
    expect(await stage(waiting)).toEqual({ waiting: true });

    const reviewer = await ApiClient.signIn(harness.app, {
      role: 'district_reviewer',
      tenant: 'qingdao',
      region: 'laoshan',
    });
    const decided = await reviewer.post(`/api/tenants/qingdao/applications/${id}/decision`, {
      stage: 'district-review',
      outcome: 'pass',
      comment: '材料真实完整，同意推荐。',
    });
    expect(decided.status).toBe(200);
    // Step Functions retries the invocation: the stage answers the decision and releases it.
    expect(await stage(waiting)).toEqual({ outcome: 'pass' });
    expect(calls.at(-1)).toEqual({
      action: 'SendTaskSuccess',
      input: { taskToken: 't-801', output: JSON.stringify({ outcome: 'pass' }) },
    });
  });
});
