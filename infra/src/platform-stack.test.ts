import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { INDEXES } from '@sme/store';
import { loadTenants } from '@sme/tenants/load';
import { stateMachineName } from '@sme/workflow';
import { Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { PUBLIC_ROUTES } from './api/public-routes.js';
import { copyOfTenants, synthPlatform } from './platform-stack.test-support.js';

const tenants = inject('tenants');
const programs = tenants.flatMap((t) => t.programs.map((p) => `${t.id}/${p.id}`));
const global = synthPlatform(tenants, { region: 'ap-east-1', stage: 'test' });
const { template } = global;

type Resource = { Type: string; Properties: Record<string, unknown> };
const resources = (type: string): Resource[] =>
  Object.values(template.findResources(type)) as Resource[];

/** The logical id of the function a route's integration invokes. */
function functionBehind(route: Resource): string {
  const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
  const target = JSON.stringify(route.Properties.Target);
  const [id] = Object.keys(integrations).filter((id) => target.includes(`"${id}"`));
  const uri = JSON.stringify(integrations[id ?? '']?.Properties.IntegrationUri);
  return /"Fn::GetAtt":\["(Functions[A-Za-z]+?)[0-9A-F]{8}","Arn"\]/.exec(uri)?.[1] ?? uri;
}

describe('the platform stack', () => {
  it('has one state machine per program of every tenant, logging ALL and traced', () => {
    const machines = resources('AWS::StepFunctions::StateMachine');
    expect(programs.length).toBeGreaterThan(5);
    expect(machines.map((m) => m.Properties.StateMachineName).sort()).toEqual(
      programs
        .map((p) => stateMachineName('sme-dx-test', ...(p.split('/') as [string, string])))
        .sort(),
    );
    for (const machine of machines) {
      expect(machine.Properties).toMatchObject({
        StateMachineType: 'STANDARD',
        LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: true },
        TracingConfiguration: { Enabled: true },
      });
    }
  });

  it('builds the table from the store definition: PITR, encryption, deletion protection', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: Object.values(INDEXES).map((index) =>
        Match.objectLike({ IndexName: index.name }),
      ),
    });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain' });
  });

  it('keeps documents private, encrypted with a bucket key, versioned, and TLS only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          Match.objectLike({
            BucketKeyEnabled: true,
            ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }),
          }),
        ],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      CorsConfiguration: {
        CorsRules: [Match.objectLike({ AllowedMethods: ['POST'] })],
      },
    });
    const policies = resources('AWS::S3::BucketPolicy');
    expect(policies.length).toBe(2);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain(
        '"Condition":{"Bool":{"aws:SecureTransport":"false"}},"Effect":"Deny"',
      );
    }
  });

  it('expires each tenant’s documents after its retention, cities inheriting the province’s', () => {
    const bucket = resources('AWS::S3::Bucket').find((b) => b.Properties.VersioningConfiguration);
    const lifecycle = bucket?.Properties.LifecycleConfiguration as
      | { Rules: Record<string, unknown>[] }
      | undefined;
    const rules = lifecycle?.Rules ?? [];
    const withRetention = tenants.filter((t) => t.retention);
    expect(withRetention.map((t) => t.id).sort()).toEqual([
      'jinan',
      'jining',
      'qingdao',
      'shandong',
    ]);
    for (const tenant of withRetention) {
      expect(rules).toContainEqual(
        expect.objectContaining({
          Id: `retention-${tenant.id}`,
          Prefix: `tenant/${tenant.id}/`,
          ExpirationInDays: (tenant.retention?.documents.years ?? 0) * 366,
          Status: 'Enabled',
        }),
      );
    }
  });

  it('expires each tenant’s staged uploads after a day: only verified bytes are kept', () => {
    const bucket = resources('AWS::S3::Bucket').find((b) => b.Properties.VersioningConfiguration);
    const rules =
      (bucket?.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] })?.Rules ??
      [];
    for (const tenant of tenants) {
      expect(rules).toContainEqual(
        expect.objectContaining({
          Id: `staging-${tenant.id}`,
          Prefix: `tenant/${tenant.id}/staging/`,
          ExpirationInDays: 1,
          Status: 'Enabled',
        }),
      );
    }
  });

  it('puts the JWT authorizer on every API route but the public ones; pages check their session', () => {
    const routes = resources('AWS::ApiGatewayV2::Route');
    const publicKeys = PUBLIC_ROUTES.map((r) => `${r.method} ${r.path}`);
    const portalKeys = ['GET /', 'POST /', 'GET /{proxy+}', 'POST /{proxy+}'];
    expect(routes.length).toBe(publicKeys.length + portalKeys.length + 1);
    for (const route of routes) {
      const key = String(route.Properties.RouteKey);
      if (publicKeys.includes(key) || portalKeys.includes(key)) {
        expect(route.Properties.AuthorizationType, key).toBe('NONE');
      } else {
        expect(key).toBe('ANY /api/{proxy+}');
        expect(route.Properties, key).toMatchObject({ AuthorizationType: 'JWT' });
        expect(route.Properties.AuthorizerId, key).toBeDefined();
      }
    }
    expect(routes.map((r) => r.Properties.RouteKey)).toContain('ANY /api/{proxy+}');
    // The pages reach the portal's function, everything under /api the API's.
    for (const route of routes) {
      const key = String(route.Properties.RouteKey);
      expect(functionBehind(route), key).toMatch(portalKeys.includes(key) ? /portal/ : /api/);
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
    });
  });

  it('runs Node.js 24 on arm64 with tracing, and ticks every minute with a dead-letter queue', () => {
    const functions = resources('AWS::Lambda::Function');
    expect(functions).toHaveLength(4);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
    }
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 minute)',
      Target: Match.objectLike({ DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }) }),
    });
  });

  it('alarms on 5xx, throttles, failed executions and dead letters', () => {
    const alarms = resources('AWS::CloudWatch::Alarm');
    const metricNames = JSON.stringify(alarms);
    for (const name of [
      '5xx',
      'Throttles',
      'Errors',
      'ExecutionsFailed',
      'ExecutionsTimedOut',
      'ApproximateNumberOfMessagesVisible',
    ]) {
      expect(metricNames).toContain(`"${name}"`);
    }
    expect(alarms.length).toBe(1 + 4 * 2 + programs.length + 1);
    // The topic is encrypted: CloudWatch may use the key, or alarms would notify no one.
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          }),
        ]),
      },
    });
  });

  it('grants no statement * on *, and "*" resources only for actions with no resource ARNs', () => {
    for (const policy of resources('AWS::IAM::Policy')) {
      const statements = (
        policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }
      ).Statement;
      for (const statement of statements) {
        const actions = [statement.Action].flat() as string[];
        const targets = [statement.Resource].flat();
        expect(actions.some((a) => a === '*' || a.endsWith(':*'))).toBe(false);
        if (targets.includes('*')) {
          // Only actions that IAM allows on no narrower resource.
          expect(
            actions.every((a) => /^(xray|logs):|^states:SendTaskSuccess$/.test(a)),
            actions.join(),
          ).toBe(true);
        }
      }
    }
  });

  it('names no partition, region or account of its own', () => {
    expect(global.json).not.toContain('arn:aws:');
    expect(global.json).not.toMatch(/\b\d{12}\b/);
  });

  it('creates a Cognito pool whose clients cannot write tenant, roles, region or org', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
    const client = resources('AWS::Cognito::UserPoolClient')[0];
    expect(client?.Properties.WriteAttributes).toEqual(['name']);
  });

  it('lets the portal sign in through the hosted UI: code flow only, back to its own callback', () => {
    const [client] = resources('AWS::Cognito::UserPoolClient');
    expect(client?.Properties).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      GenerateSecret: false,
      SupportedIdentityProviders: ['COGNITO'],
    });
    expect(client?.Properties.AllowedOAuthScopes).toEqual(
      expect.arrayContaining(['openid', 'email', 'profile']),
    );
    expect(JSON.stringify(client?.Properties.CallbackURLs)).toContain('/auth/callback');
    expect(resources('AWS::Cognito::UserPoolDomain')).toHaveLength(1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ OIDC_CLIENT_ID: Match.anyValue() }) },
    });
  });
});

describe('AWS China (cn-northwest-1)', () => {
  const china = synthPlatform(tenants, {
    region: 'cn-northwest-1',
    stage: 'prod',
    issuer: 'https://id.example.gov.cn/oidc',
    audience: 'sme-dx-portal',
    claimNames: JSON.stringify({ tenant: 'org_tenant' }),
  });

  it('trusts the external issuer, creates no user pool and names no arn:aws: partition', () => {
    expect(china.template.findResources('AWS::Cognito::UserPool')).toEqual({});
    china.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: { Issuer: 'https://id.example.gov.cn/oidc', Audience: ['sme-dx-portal'] },
    });
    expect(china.json).not.toContain('arn:aws:');
    china.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          OIDC_JWKS_URL: 'https://id.example.gov.cn/oidc/.well-known/jwks.json',
          CLAIM_NAMES: JSON.stringify({ tenant: 'org_tenant' }),
          OIDC_CLIENT_ID: 'sme-dx-portal',
        }),
      },
    });
  });
});

describe('cdk-nag', () => {
  it('passes the whole stack with no unacknowledged error or warning', async () => {
    const assembly = global.app.synth();
    // Findings of any level, errors and warnings alike, would be listed in this report.
    const report = JSON.parse(
      await readFile(join(assembly.directory, 'validation-report.json'), 'utf8'),
    ) as { pluginReports: unknown[] };
    expect(report.pluginReports).toEqual([]);
  });

  it('fails synthesis on a finding, so the check above can fail', () => {
    expect(() =>
      synthPlatform(tenants, { stage: 'nagged' }, (stack) => {
        new iam.Policy(stack, 'TooBroad', {
          statements: [new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] })],
          roles: [new iam.Role(stack, 'Anyone', { assumedBy: new iam.AccountRootPrincipal() })],
        });
      }),
    ).toThrow(/AwsSolutions-IAM5/);
  });
});

describe('a tenant file added to tenants/', () => {
  const dirs: string[] = [];
  afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('becomes its programs’ state machines, with no code change', async () => {
    const dir = await copyOfTenants();
    dirs.push(dir);
    const qingdao = await readFile(join(dir, 'qingdao.ts'), 'utf8');
    await writeFile(join(dir, 'weifang.ts'), qingdao.replace("id: 'qingdao'", "id: 'weifang'"));
    const { tenants: withWeifang, errors } = await loadTenants({ dir });
    expect(errors).toEqual([]);

    const names = synthPlatform(withWeifang, { stage: 'test' }).template.toJSON()
      .Resources as Record<string, Resource>;
    const machineNames = Object.values(names)
      .filter((r) => r.Type === 'AWS::StepFunctions::StateMachine')
      .map((r) => r.Properties.StateMachineName);
    expect(machineNames).toHaveLength(programs.length + 1);
    expect(machineNames).toContain('sme-dx-test-weifang-dx-providers-2024');
  });
});
