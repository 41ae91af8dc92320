/**
 * Local sign-in: checks that the requested identity makes sense for the tenant and
 * issues a signed token with its claims. Never mounted on AWS.
 */
import { isValidUscc, type ResolvedTenant, type Role } from '@sme/core';
import type { Claims } from '@sme/platform';
import { InvalidRequestError } from '@sme/platform';
import { SignJWT } from 'jose';

export interface LoginRequest {
  role: Role;
  tenant: string;
  region?: string | undefined;
  org?: string | undefined;
  expertId?: string | undefined;
  name?: string | undefined;
}

export const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

/** The claims for a login, or an error naming the field that does not fit. */
export function claimsForLogin(tenant: ResolvedTenant, request: LoginRequest): Claims {
  const { role } = request;
  if (role === 'province_admin' && tenant.kind !== 'province') {
    throw new InvalidRequestError(
      'role_not_in_tenant',
      { zh: '省级管理员只能登录省级租户', en: 'A province_admin signs in to a province tenant' },
      'role',
    );
  }
  if ((role === 'provider' || role === 'enterprise') && !request.org) {
    throw new InvalidRequestError(
      'org_required',
      { zh: '请提供单位统一社会信用代码', en: `A ${role} acts for an organization (org)` },
      'org',
    );
  }
  if (request.org && !isValidUscc(request.org)) {
    throw new InvalidRequestError(
      'invalid_uscc',
      { zh: '统一社会信用代码校验位错误', en: 'Not a valid unified social credit code' },
      'org',
    );
  }
  if (role === 'district_reviewer' && !request.region) {
    throw new InvalidRequestError(
      'region_required',
      { zh: '区市审核员须指定所属区市', en: 'A district_reviewer needs a region' },
      'region',
    );
  }
  if (request.region && !tenant.regions.some((r) => r.id === request.region)) {
    throw new InvalidRequestError(
      'unknown_region',
      { zh: `${tenant.name.zh}没有该区市`, en: `No region ${request.region} in ${tenant.id}` },
      'region',
    );
  }
  if (role === 'expert' && !request.expertId) {
    throw new InvalidRequestError(
      'expert_id_required',
      { zh: '专家须提供专家编号', en: 'An expert signs in with an expertId' },
      'expertId',
    );
  }
  const subject = request.org ?? request.expertId ?? request.region ?? tenant.id;
  return {
    sub: `${role}:${tenant.id}:${subject}`,
    tenant: tenant.id,
    roles: [role],
    ...(request.region && { region: request.region }),
    ...(request.org && { org: request.org }),
    ...(request.expertId && { expertId: request.expertId }),
    ...(request.name && { name: request.name }),
  };
}

export async function signDevToken(claims: Claims, secret: string, now: Date): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + TOKEN_LIFETIME_SECONDS)
    .sign(new TextEncoder().encode(secret));
}
