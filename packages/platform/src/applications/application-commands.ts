/**
 * Creating, editing and withdrawing an application. Each command decides with core's
 * rules and writes one transaction; a refused write leaves nothing behind.
 */
import {
  assertEditable,
  checkEntryRules,
  EntryRuleError,
  FieldsInvalidError,
  formSchema,
  formViolations,
  type Program,
  type ResolvedTenant,
  recordChange,
  VersionConflictError,
} from '@sme/core';
import {
  type ApplicationRecord,
  itemKey,
  type OrganizationRegistration,
  registrationKey,
  TransactionRefusedError,
  tenantContext,
  withoutKeys,
} from '@sme/store';
import { assertActsIn, assertRole } from '../access/access.js';
import type { Claims } from '../access/claims.js';
import { retryingConflicts } from '../cases/backoff.js';
import { InvalidRequestError } from '../errors.js';
import { programOf } from '../tenancy/tenant-registry.js';
import { claimsFor } from './entity-claims.js';
import { assertDraftWindow, assertNoBan, loadForOwner, type Services } from './services.js';
import { Withdrawal } from './withdrawal.js';

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

export class ApplicationCommands {
  private readonly withdrawal: Withdrawal;

  constructor(private readonly services: Services) {
    this.withdrawal = new Withdrawal(services);
  }

  /**
   * The entry rules against the organization's own live applications: what one
   * organization declares about another (a parent) is never enforced here, only shown
   * to the district reviewer (`familyConflicts`).
   */
  private async checkEntry(
    tenant: ResolvedTenant,
    program: Program,
    uscc: string,
    choice: { track?: string | undefined; category?: string | undefined; industries: string[] },
    self?: string,
  ) {
    const own = (
      await this.services.apps.orgApplications(tenantContext(tenant), uscc, program.id)
    ).filter((s) => s.id !== self);
    const violations = checkEntryRules(program, choice, own);
    if (violations.length > 0) throw new EntryRuleError(violations);
  }

  async create(
    tenant: ResolvedTenant,
    claims: Claims,
    input: CreateInput,
  ): Promise<ApplicationRecord> {
    const { apps, clock } = this.services;
    const program = programOf(tenant, input.programId);
    assertRole(claims, program.applicant);
    const uscc = claims.org ?? '';
    assertActsIn(claims, tenant, uscc);
    const now = clock.now();
    assertDraftWindow(program, { status: 'draft' }, now);

    const ctx = tenantContext(tenant);
    // The registration, the profile and the ban summary in one batch.
    const { standing, items } = await this.services.standings.readWith(ctx, uscc, now, [
      registrationKey(ctx, uscc),
    ]);
    const registration = withoutKeys<OrganizationRegistration>(
      items.get(itemKey(registrationKey(ctx, uscc))),
    );
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
    // The declared root of the branch chain: a ban on it reaches this organization.
    const entityUscc = standing.profile?.entityUscc ?? uscc;
    assertNoBan(standing.ban);

    // The choice first: a wrong track makes every field check beside the point.
    const choice = {
      track: input.track,
      category: input.category,
      industries: input.industries ?? [],
    };
    await this.checkEntry(tenant, program, uscc, choice);
    validateDraftFields(program, choice.track, input.fields);

    const at = now.toISOString();
    const { application: app, event } = recordChange({
      previous: null,
      actor: { sub: claims.sub, role: program.applicant },
      at: now,
      reason: '创建申报 / created',
      documents: [],
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
    // Refused only when it met other writes (the counters in a burst): nothing was
    // written, so the same transaction is sent again.
    await retryingConflicts(this.services.backoff, () => apps.create(ctx, app, event));
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
    const { record, standing } = await loadForOwner(this.services, tenant, claims, id);
    const app = record.application;
    if (ifMatch !== undefined && ifMatch !== app.version)
      throw new VersionConflictError(ifMatch, app.version);
    assertEditable(app.status);
    const program = programOf(tenant, app.programId);
    const now = clock.now();
    assertDraftWindow(program, app, now);
    assertNoBan((await standing(now)).ban);

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
    if (choiceChanged)
      await this.checkEntry(tenant, program, app.org.uscc, { track, category, industries }, app.id);
    validateDraftFields(program, track, fields);

    const { application: next, event } = recordChange({
      previous: app,
      actor: { sub: claims.sub, role: program.applicant },
      at: now,
      reason: '修改申报内容 / edited',
      documents: record.documents,
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
    // A draft holds no claim; a returned application keeps its own, moved with its track.
    const held = app.status === 'draft' ? [] : claimsFor(program, app);
    const wanted = app.status === 'draft' ? [] : claimsFor(program, next);
    try {
      await apps.update(tenantContext(tenant), app, next, event, {
        claims: wanted.filter((c) => !held.includes(c)),
        releases: held.filter((c) => !wanted.includes(c)),
      });
    } catch (error) {
      if (error instanceof TransactionRefusedError) {
        if (error.conditionFailed(0) || error.conditionFailed(1) || error.conflicted) {
          throw new VersionConflictError(app.version);
        }
        throw new EntryRuleError([duplicateViolation(program)]);
      }
      throw error;
    }
    return { ...record, application: next };
  }

  withdraw(tenant: ResolvedTenant, claims: Claims, id: string, reason: string | undefined) {
    return this.withdrawal.withdraw(tenant, claims, id, reason);
  }
}

/** The organization already holds an application where the program allows one. */
export function duplicateViolation(program: Program) {
  const rule = program.rules.find((r) => r.kind === 'one-per-entity');
  return {
    code: 'duplicate_entity',
    path: 'org',
    message: rule?.message ?? {
      zh: '同一主体不得重复申报',
      en: 'The same entity may not apply twice',
    },
  };
}
