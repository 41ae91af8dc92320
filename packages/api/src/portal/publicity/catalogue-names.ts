/**
 * The names pages show for the ids entries carry (track, category, industry, district),
 * across one tenant or a province and its cities. Categories and industries may be
 * inherited by a city; a track belongs to a call, so the same id in two calls keeps the
 * first call's name (the calls of one tenant share their tracks' names in practice).
 */
import type { LocalizedText, ResolvedTenant } from '@sme/core';

export interface CatalogueNames {
  tracks: Map<string, LocalizedText>;
  categories: Map<string, LocalizedText>;
  industries: Map<string, LocalizedText>;
  regions: Map<string, LocalizedText>;
  tenants: Map<string, LocalizedText>;
}

function add(
  map: Map<string, LocalizedText>,
  items: readonly { id: string; name: LocalizedText }[],
) {
  for (const item of items) if (!map.has(item.id)) map.set(item.id, item.name);
}

export function catalogueNames(family: readonly ResolvedTenant[]): CatalogueNames {
  const names: CatalogueNames = {
    tracks: new Map(),
    categories: new Map(),
    industries: new Map(),
    regions: new Map(),
    tenants: new Map(),
  };
  for (const tenant of family) {
    names.tenants.set(tenant.id, tenant.name);
    // Only what the tenant's calls use: a city inherits the province's whole catalogue.
    const used = new Set(tenant.programs.flatMap((p) => [...p.categories, ...p.industries]));
    for (const program of tenant.programs) add(names.tracks, program.tracks);
    const categories = tenant.catalogue.categories.filter((c) => used.has(c.id));
    add(names.categories, categories);
    for (const category of categories) add(names.categories, category.children);
    add(
      names.industries,
      tenant.catalogue.industries.filter((i) => used.has(i.id)),
    );
    add(names.regions, tenant.regions);
  }
  return names;
}

/** The Chinese name of an id, or the id itself when the catalogue no longer has it. */
export const nameOf = (map: Map<string, LocalizedText>, id: string | undefined) =>
  id ? (map.get(id)?.zh ?? id) : '';
