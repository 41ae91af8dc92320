/**
 * What the public catalogue shows of a tenant and its programs (API.md "Catalogue"),
 * derived from the resolved configuration at an instant.
 */
import {
  type Category,
  formatShanghai,
  kindOf,
  type Program,
  programState,
  type ResolvedTenant,
  windowInstants,
} from '@sme/core';

const named = (item: { id: string; name: { zh: string; en: string } }) => ({
  id: item.id,
  name: item.name,
});

export function tenantSummary(tenant: ResolvedTenant) {
  return {
    id: tenant.id,
    kind: tenant.kind,
    ...(tenant.parent && { parent: tenant.parent }),
    name: tenant.name,
  };
}

function windowView(program: Program) {
  const { opensAt, closesAt } = windowInstants(program.window);
  return {
    kind: program.window.kind,
    ...(opensAt && { opensAt: formatShanghai(opensAt) }),
    ...(closesAt && { closesAt: formatShanghai(closesAt) }),
    ...(program.window.kind === 'rolling' && { reviewDayOfMonth: program.window.reviewDayOfMonth }),
    source: program.window.source,
  };
}

export function programSummary(program: Program, now: Date) {
  const { opensAt, closesAt } = windowView(program);
  return {
    id: program.id,
    kind: program.kind,
    title: program.title,
    state: programState(program.window, now),
    ...(opensAt && { opensAt }),
    ...(closesAt && { closesAt }),
  };
}

export function tenantDetail(tenant: ResolvedTenant, now: Date) {
  return {
    ...tenantSummary(tenant),
    authority: tenant.authority,
    contacts: tenant.contacts.map(({ department, phone, region }) => ({
      department,
      phone,
      ...(region && { region }),
    })),
    regions: tenant.regions.map((r) => ({ ...named(r), kind: r.kind })),
    programs: tenant.programs.map((p) => programSummary(p, now)),
  };
}

function categoryView(category: Category) {
  return {
    ...named(category),
    ...(category.scope && { scope: category.scope }),
    conditions: category.conditions,
    children: category.children.map(named),
  };
}

export function programDetail(tenant: ResolvedTenant, program: Program, now: Date) {
  const industries = new Map(tenant.catalogue.industries.map((i) => [i.id, i]));
  const categories = new Map(tenant.catalogue.categories.map((c) => [c.id, c]));
  return {
    ...programSummary(program, now),
    tenant: tenant.id,
    applicant: program.applicant,
    source: program.source,
    window: windowView(program),
    allowsRegisteredElsewhere: program.allowsRegisteredElsewhere,
    conditions: program.conditions,
    tracks: program.tracks.map((track) => ({
      ...named(track),
      ...(track.description && { description: track.description }),
      ...(track.quota && { quota: track.quota }),
      conditions: track.conditions,
      documents: program.documents.filter((d) => d.track === track.id).map((d) => d.kind),
    })),
    industries: program.industries.flatMap((id) => {
      const industry = industries.get(id);
      return industry ? [named(industry)] : [];
    }),
    categories: program.categories.flatMap((id) => {
      const category = categories.get(id);
      return category ? [categoryView(category)] : [];
    }),
    fields: program.fields,
    documents: program.documents,
    rules: program.rules,
    limits: program.limits,
    stages: program.stages.map((stage) => kindOf(stage).view(stage)),
    milestones: program.milestones,
  };
}
