/**
 * The HTTP API in front of the API's and the portal's functions. Every API route (`/api/…`) needs a valid
 * token from the deployment's issuer (JWT authorizer), except the public routes of
 * `PUBLIC_ROUTES`, which are listed one by one: an API route the app adds is protected
 * until it is made public on purpose. The portal's pages (every other path) carry no
 * bearer token: a browser sends the session cookie, which the app verifies against the
 * same issuer on every request, and the sign-in itself must reach the app unsigned.
 * Access is logged and throttled.
 */
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PUBLIC_ROUTES } from '../api/public-routes.js';
import { acknowledge } from '../nag/acknowledge.js';

/** Whose tokens the API routes accept. */
export interface ApiIssuer {
  readonly issuer: string;
  readonly audience: string[];
}

/** The portal: its home page and every page below it (the API's paths are more specific). */
const PORTAL_PATHS = ['/', '/{proxy+}'];

export class PlatformHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.api = new apigw.HttpApi(this, 'Api', {
      description: 'SME digital-transformation service provider platform',
      createDefaultStage: false,
    });
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.ONE_YEAR,
    });
    this.stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
      throttle: { rateLimit: 200, burstLimit: 400 },
    });
  }

  /**
   * Routes `/api/…` to the API function, authorized but for its public routes, and every
   * other path to the portal's function, open at the gateway and checked by the app.
   */
  routeTo(handlers: { api: lambda.IFunction; portal: lambda.IFunction }, issuer: ApiIssuer): void {
    const integration = new HttpLambdaIntegration('Lambda', handlers.api);
    const pages = new HttpLambdaIntegration('Portal', handlers.portal);
    const authorizer = new HttpJwtAuthorizer('Jwt', issuer.issuer, {
      jwtAudience: issuer.audience,
    });
    this.api.addRoutes({
      path: '/api/{proxy+}',
      methods: [apigw.HttpMethod.ANY],
      integration,
      authorizer,
    });
    for (const path of PORTAL_PATHS) {
      for (const portalRoute of this.api.addRoutes({
        path,
        methods: [apigw.HttpMethod.GET, apigw.HttpMethod.POST],
        integration: pages,
      })) {
        acknowledge(portalRoute, {
          'AwsSolutions-APIG4':
            'The portal’s pages: a browser carries the session cookie, not a bearer token; the app verifies it against the issuer on every request, and sign-in itself must reach the app.',
        });
      }
    }
    for (const route of PUBLIC_ROUTES) {
      const [publicRoute] = this.api.addRoutes({
        path: route.path,
        methods: [apigw.HttpMethod[route.method]],
        integration,
      });
      if (publicRoute) {
        acknowledge(publicRoute, {
          'AwsSolutions-APIG4':
            'A public route (API.md): the catalogue, notices, objections, the pool and health are open to everyone.',
        });
      }
    }
  }

  /** The API's base URL. */
  get url(): string {
    return this.stage.url;
  }

  /** The origin pages are served from: presigned uploads come from it. */
  get origin(): string {
    return this.api.apiEndpoint;
  }
}
