/**
 * The portal on Lambda: every path but `/api/…` → the server-rendered pages the local
 * stack serves. No gateway authorizer: a browser carries the session cookie, which the
 * app verifies against the issuer on every request, and sign-in itself reaches it
 * unsigned.
 */
import { createPortalApp } from '@sme/api';
import { handle } from 'hono/aws-lambda';
import { appDeps } from './runtime/app-deps.js';

export const handler = handle(createPortalApp(appDeps()));
