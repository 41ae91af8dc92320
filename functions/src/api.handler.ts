/**
 * The API on Lambda: API Gateway's HTTP API event (`/api/…`) → the same Hono routes the
 * local stack serves, without the portal's pages (their own function). Tokens were
 * checked by the JWT authorizer; the app verifies them again against the issuer's key
 * set, so no route trusts the gateway alone.
 */
import { createApiApp } from '@sme/api';
import { handle } from 'hono/aws-lambda';
import { appDeps } from './runtime/app-deps.js';

export const handler = handle(createApiApp(appDeps()));
