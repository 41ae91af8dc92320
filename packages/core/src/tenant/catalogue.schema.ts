/**
 * What a tenant's calls are about: provider categories, industries and its regions.
 */
import { z } from 'zod';
import {
  ClauseSchema,
  IdSchema,
  LocalizedTextSchema,
  NamedSchema,
  SourceSchema,
  uniqueList,
} from './common.schema.js';

export const SubCategorySchema = NamedSchema.extend({ source: SourceSchema });

export const CategorySchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  /** What the notice says providers of this category do. */
  scope: LocalizedTextSchema.optional(),
  /** Conditions a provider of this category must meet, as the notice lists them. */
  conditions: z.array(ClauseSchema).default([]),
  children: uniqueList(SubCategorySchema).default([]),
  source: SourceSchema,
});
export type Category = z.infer<typeof CategorySchema>;

export const IndustrySchema = NamedSchema.extend({ source: SourceSchema });
export type Industry = z.infer<typeof IndustrySchema>;

/** Inherited from the parent province when a city does not set its own. */
export const CatalogueSchema = z.strictObject({
  categories: uniqueList(CategorySchema).optional(),
  industries: uniqueList(IndustrySchema).optional(),
});

export const RegionSchema = z.strictObject({
  id: IdSchema,
  name: LocalizedTextSchema,
  /**
   * `district`: a district or county-level city; `city`: a city of a province;
   * `elsewhere`: the bucket for applicants registered outside the tenant.
   */
  kind: z.enum(['district', 'city', 'elsewhere']),
  /**
   * Who does a region-scoped review of applicants registered here: the region's own
   * reviewer, or the tenant's bureau (for the 'registered elsewhere' bucket).
   */
  reviewedBy: z.enum(['region', 'tenant']).default('region'),
  source: SourceSchema.optional(),
});
export type Region = z.infer<typeof RegionSchema>;

/** A department's public contact: no personal names are kept. */
export const ContactSchema = z.strictObject({
  department: LocalizedTextSchema,
  phone: z.string().regex(/^[0-9-]{7,16}$/),
  region: IdSchema.optional(),
  source: SourceSchema,
});
