/**
 * Creating, editing and withdrawing an application. Each command decides with core's
 * rules and writes one transaction; a refused write leaves nothing behind.
 */
import {
  type Application,
  acceptsApplications,
  assertEditable,
  assertTransition,
  checkEntryRules,
  EntryRuleError,
  FieldsInvalidError,
  formSchema,
  formViolations,
  type Program,
  type ResolvedTenant,
  recordChange,
  VersionConflictError,
  WindowClosedError,
} from '@sme/core';
import { type ApplicationRecord, TransactionRefusedError } from '@sme/store';
import { assertActsIn, assertOwner, assertRole } from '../auth/access.js';
import type { Claims } from '../auth/claims.js';
import { programOf } from '../catalogue/tenant-registry.js';
import { InvalidRequestError } from '../problem/errors.js';
import { assertNotBanned, contextOf, loadApplication, type Services } from './services.js';

export interface ApplicationChoice {
  track?: string | undefined;
  category?: string | undefined;
  industries?: string[] | undefined;
}

export interface CreateInput extends ApplicationChoice {
  programId: string;
  fields: Record<string, unknown>;
}

export interface PatchInput extends ApplicationChoice {
  /** Replaces the named fields; `null` clears one. */
  fields?: Record<string, unknown> | undefined;
}

function validateDraftFields(
  program: Program,
  track: string | undefined,
  fields: Record<string, unknown>,
) {
  const result = formSchema(program.fields, track, 'draft').safeParse(fields);
  if (!result.success)
    throw new FieldsInvalidError(formViolations(program.fields, fields, result.error.issues));
}

/** The claims that keep one application per entity (and track) under concurrency. */
function claimsFor(program: Program, app: Application): string[] {
  return program.rules.flatMap((rule) => {
    if (rule.kind !== 'one-per-entity' || rule.strength === 'guiding') return [];
    return [rule.per === 'track' ? `${program.id}:${app.track ?? '-'}` : program.id];
  });
}

/** A claim taken meanwhile by another application of the same entity. */
function duplicateEntity(program: Program): EntryRuleError {
  const rule = program.rules.find((r) => r.kind === 'one-per-entity');
  return new EntryRuleError([
    {
      code: 'duplicate_entity',
      path: 'org',
      message: rule?.message ?? {
        zh: '同一主体不得重复申报',
        en: 'The same entity may not apply twice',
      },
    },
  ]);
}

export class ApplicationCommands {
  constructor(private readonly services: Services) {}

  async create(
    tenant: ResolvedTenant,
    claims: Claims,
    input: CreateInput,
  ): Promise<ApplicationRecord> {
    const { apps, orgs, clock } = this.services;
    const program = programOf(tenant, input.programId);
    assertRole(claims, program.applicant);
    const uscc = claims.org ?? '';
    assertActsIn(claims, tenant, uscc);
    const now = clock.now();
    if (!acceptsApplications(program.window, now)) throw new WindowClosedError(program.id);

    const ctx = contextOf(tenant);
    const [registration, profile] = await Promise.all([
      orgs.registration(ctx, uscc),
      orgs.profile(ctx, uscc),
    ]);
    if (!registration) {
      throw new InvalidRequestError(
        'org_not_registered',
        {
          zh: '请先登记单位信息',
          en: `Register the organization in ${tenant.id} first (PUT /orgs/{uscc})`,
        },
        'org',
      );
    }
    const entityUscc = profile?.entityUscc ?? uscc;
    await assertNotBanned(this.services, tenant, [uscc, entityUscc], now);

    // The choice first: a wrong track makes every field check beside the point.
    const choice = {
      track: input.track,
      category: input.category,
      industries: input.industries ?? [],
    };
    const siblings = await apps.entityApplications(ctx, entityUscc, program.id);
    const violations = checkEntryRules(program, choice, siblings);
    if (violations.length > 0) throw new EntryRuleError(violations);
    validateDraftFields(program, choice.track, input.fields);

    const at = now.toISOString();
    const { application: app, event } = recordChange({
      previous: null,
      actor: { sub: claims.sub, role: program.applicant },
      at: now,
      reason: '创建申报 / created',
      next: {
        id: this.services.newId(),
        tenant: tenant.id,
        programId: program.id,
        org: { uscc, name: registration.name, region: registration.region },
        entityUscc,
        ...(choice.track && { track: choice.track }),
        ...(choice.category && { category: choice.category }),
        industries: choice.industries,
        fields: input.fields,
        status: 'draft',
        version: 1,
        createdAt: at,
        updatedAt: at,
      },
    });
    try {
      await apps.create(ctx, app, event, { claims: claimsFor(program, app) });
    } catch (error) {
      if (error instanceof TransactionRefusedError) throw duplicateEntity(program);
      throw error;
    }
    return { application: app, documents: [], flags: [] };
  }

  async patch(
    tenant: ResolvedTenant,
    claims: Claims,
    id: string,
    input: PatchInput,
    ifMatch: number | undefined,
  ): Promise<ApplicationRecord> {
    const { apps, clock } = this.services;
    const record = await loadApplication(this.services, tenant, id);
    const app = record.application;
    assertOwner(claims, tenant, app);
    if (ifMatch !== undefined && ifMatch !== app.version)
      throw new VersionConflictError(ifMatch, app.version);
    assertEditable(app.status);
    const now = clock.now();
    await assertNotBanned(this.services, tenant, [app.org.uscc, app.entityUscc], now);

    const program = programOf(tenant, app.programId);
    const fields = { ...app.fields };
    for (const [key, value] of Object.entries(input.fields ?? {})) {
      if (value === null) delete fields[key];
      else fields[key] = value;
    }
    const track = input.track ?? app.track;
    const category = input.category ?? app.category;
    const industries = input.industries ?? app.industries;

    const choiceChanged =
      track !== app.track ||
      category !== app.category ||
      industries.join() !== app.industries.join();
    if (choiceChanged) {
      const siblings = (
        await apps.entityApplications(contextOf(tenant), app.entityUscc, program.id)
      ).filter((s) => s.id !== app.id);
      const violations = checkEntryRules(program, { track, category, industries }, siblings);
      if (violations.length > 0) throw new EntryRuleError(violations);
    }
    validateDraftFields(program, track, fields);

    const { application: next, event } = recordChange({
      previous: app,
      actor: { sub: claims.sub, role: program.applicant },
      at: now,
      reason: '修改申报内容 / edited',
      next: {
        ...app,
        ...(track && { track }),
        ...(category && { category }),
        industries,
        fields,
        version: app.version + 1,
        updatedAt: now.toISOString(),
      },
    });
    const newClaims = claimsFor(program, next);
    const oldClaims = claimsFor(program, app);
    try {
      await apps.update(contextOf(tenant), app, next, event, {
        claims: newClaims.filter((c) => !oldClaims.includes(c)),
        releases: oldClaims.filter((c) => !newClaims.includes(c)),
      });
    } catch (error) {
      if (error instanceof TransactionRefusedError) {
        if (error.conditionFailed(0) || error.conditionFailed(1) || error.conflicted) {
          throw new VersionConflictError(app.version);
        }
        throw duplicateEntity(program);
      }
      throw error;
    }
    return { ...record, application: next };
  }

  async withdraw(tenant: ResolvedTenant, claims: Claims, id: string, reason: string | undefined) {
    const { apps, clock } = this.services;
    const record = await loadApplication(this.services, tenant, id);
    const app = record.application;
    assertOwner(claims, tenant, app);
    assertTransition(app.status, 'withdrawn');
    const program = programOf(tenant, app.programId);
    const now = clock.now();
    const { application: next, event } = recordChange({
      previous: app,
      actor: { sub: claims.sub, role: program.applicant },
      at: now,
      reason: reason ?? '申报单位撤回 / withdrawn by the applicant',
      next: { ...app, status: 'withdrawn', version: app.version + 1, updatedAt: now.toISOString() },
    });
    try {
      await apps.update(contextOf(tenant), app, next, event, { releases: claimsFor(program, app) });
    } catch (error) {
      if (error instanceof TransactionRefusedError) throw new VersionConflictError(app.version);
      throw error;
    }
    return { ...record, application: next };
  }
}
