/**
 * Turns tenant files into resolved tenants: parses each, applies a city's inheritance
 * from its province, and checks every reference. Reports every error at once with the
 * file and the exact path, so a clerk editing a tenant file can fix them in one pass.
 * Pure: the caller reads the files.
 */
import type { z } from 'zod';
import { stateCouncilYears } from '../calendar/state-council-years.js';
import type { Category, Industry } from './catalogue.schema.js';
import { checkReferences } from './check-references.js';
import { formatPath } from './format-path.js';
import { DEFAULT_WARNINGS, type Supervision } from './supervision.schema.js';
import { type TenantConfig, TenantConfigSchema } from './tenant-config.schema.js';

/** A tenant file's default export, with the name it was read from (`qingdao.ts`). */
export interface TenantSource {
  file: string;
  config: unknown;
}

export interface TenantConfigError {
  file: string;
  /** Where in the file, e.g. `programs[0].stages[2].role`; empty for the file itself. */
  path: string;
  message: string;
}

/**
 * A tenant with its inheritance applied: every catalogue and rule it uses is present, and
 * every calendar year it computes working days in (`workCalendar`).
 */
export type ResolvedTenant = Omit<TenantConfig, 'catalogue' | 'supervision'> & {
  catalogue: { categories: Category[]; industries: Industry[] };
  supervision: Supervision;
};

export interface ResolveResult {
  tenants: ResolvedTenant[];
  errors: TenantConfigError[];
}

function issuesOf(file: string, error: z.ZodError): TenantConfigError[] {
  return error.issues.map((issue) => ({
    file,
    path: formatPath(issue.path),
    message: issue.message,
  }));
}

/** The tenant id a file must carry: its name without the extension. */
export function tenantIdOfFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[cm]?[jt]s$/, '');
}

function inherit(tenant: TenantConfig, parent: TenantConfig | undefined): ResolvedTenant {
  // The package's years, under the province's, under the city's: the run-time calendar
  // reads only these (DESIGN §6), never the package.
  const years = new Map(stateCouncilYears().map((s) => [s.year, s]));
  for (const schedule of parent?.workCalendar ?? []) years.set(schedule.year, schedule);
  for (const schedule of tenant.workCalendar) years.set(schedule.year, schedule);
  return {
    ...tenant,
    catalogue: {
      categories: tenant.catalogue?.categories ?? parent?.catalogue?.categories ?? [],
      industries: tenant.catalogue?.industries ?? parent?.catalogue?.industries ?? [],
    },
    supervision: tenant.supervision ??
      parent?.supervision ?? { rules: [], indicators: [], warnings: DEFAULT_WARNINGS },
    ...((tenant.retention ?? parent?.retention) && {
      retention: tenant.retention ?? parent?.retention,
    }),
    workCalendar: [...years.values()].sort((a, b) => a.year - b.year),
  };
}

/**
 * Validates and resolves a set of tenant files. Only tenants without any error are
 * returned; a city whose province fails is reported, not resolved against a broken parent.
 */
export function resolveTenants(sources: readonly TenantSource[]): ResolveResult {
  const errors: TenantConfigError[] = [];
  const parsed = new Map<string, { file: string; config: TenantConfig }>();

  for (const { file, config } of sources) {
    const result = TenantConfigSchema.safeParse(config);
    if (!result.success) {
      errors.push(...issuesOf(file, result.error));
      continue;
    }
    const expectedId = tenantIdOfFile(file);
    if (result.data.id !== expectedId) {
      errors.push({
        file,
        path: 'id',
        message: `id "${result.data.id}" does not match the file name "${expectedId}"`,
      });
      continue;
    }
    if (parsed.has(result.data.id)) {
      errors.push({ file, path: 'id', message: `duplicate tenant id "${result.data.id}"` });
      continue;
    }
    parsed.set(result.data.id, { file, config: result.data });
  }

  const tenants: ResolvedTenant[] = [];
  for (const { file, config } of parsed.values()) {
    let parent: TenantConfig | undefined;
    if (config.parent) {
      parent = parsed.get(config.parent)?.config;
      if (!parent) {
        errors.push({
          file,
          path: 'parent',
          message: `unknown or invalid parent tenant "${config.parent}"`,
        });
        continue;
      }
      if (parent.kind !== 'province') {
        errors.push({
          file,
          path: 'parent',
          message: `parent "${config.parent}" is not a province`,
        });
        continue;
      }
    }
    const resolved = inherit(config, parent);
    const problems = checkReferences(resolved);
    errors.push(...problems.map((problem) => ({ file, ...problem })));
    if (problems.length === 0) tenants.push(resolved);
  }
  return { tenants: tenants.sort((a, b) => a.id.localeCompare(b.id)), errors };
}
