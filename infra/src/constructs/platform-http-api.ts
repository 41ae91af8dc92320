/**
 * The HTTP API in front of the API function. Every route needs a valid token from the
 * deployment's issuer (JWT authorizer), except the public routes of `PUBLIC_ROUTES`,
 * which are listed one by one: a route the app adds is protected until it is made
 * public on purpose. Access is logged and throttled.
 */
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { PUBLIC_ROUTES } from '../api/public-routes.js';
import { acknowledge } from '../nag/acknowledge.js';

export interface PlatformHttpApiProps {
  readonly issuer: string;
  readonly audience: string[];
}

export class PlatformHttpApi extends Construct {
  readonly api: apigw.HttpApi;
  readonly stage: apigw.HttpStage;
  private readonly authorizer: HttpJwtAuthorizer;

  constructor(scope: Construct, id: string, props: PlatformHttpApiProps) {
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
    this.authorizer = new HttpJwtAuthorizer('Jwt', props.issuer, {
      jwtAudience: props.audience,
    });
  }

  /** Routes every request to the API function: public routes open, the rest authorized. */
  routeTo(handler: lambda.IFunction): void {
    const integration = new HttpLambdaIntegration('Lambda', handler);
    const authorizer = this.authorizer;
    this.api.addRoutes({
      path: '/{proxy+}',
      methods: [apigw.HttpMethod.ANY],
      integration,
      authorizer,
    });
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
