/**
 * The application form and its documents, as API.md describes them: typed field specs
 * that the portal renders and the API validates.
 */
import { z } from 'zod';
import { IdSchema, LocalizedTextSchema, NamedSchema, SourceSchema } from './common.schema.js';

export const FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'money',
  'date',
  'boolean',
  'select',
  'multiselect',
  'list',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

interface FieldSpecShape {
  id: string;
  type: FieldType;
  required: boolean;
  label: { zh: string; en: string };
  track?: string | undefined;
  options?: { id: string; name: { zh: string; en: string } }[] | undefined;
  min?: number | undefined;
  max?: number | undefined;
  item?: FieldSpecShape[] | undefined;
  source?: string | undefined;
}

export const FieldSpecSchema: z.ZodType<FieldSpecShape> = z.lazy(() =>
  z
    .strictObject({
      id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'expected a camelCase field id'),
      type: z.enum(FIELD_TYPES),
      required: z.boolean(),
      label: LocalizedTextSchema,
      /** The field applies only to applications in this track. */
      track: IdSchema.optional(),
      options: z.array(NamedSchema).min(1).optional(),
      /** Numbers: the smallest value; text: the shortest length; lists: the fewest entries. */
      min: z.number().min(0).optional(),
      max: z.number().min(0).optional(),
      /** The fields of one entry of a `list`. */
      item: z.array(FieldSpecSchema).min(1).optional(),
      source: SourceSchema.optional(),
    })
    .superRefine((field, ctx) => {
      const choice = field.type === 'select' || field.type === 'multiselect';
      if (choice && !field.options) {
        ctx.addIssue({
          code: 'custom',
          path: ['options'],
          message: `a ${field.type} needs options`,
        });
      }
      if (field.type === 'list' && !field.item) {
        ctx.addIssue({ code: 'custom', path: ['item'], message: 'a list needs item fields' });
      }
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
        ctx.addIssue({ code: 'custom', path: ['min'], message: 'min must not exceed max' });
      }
    }),
);
export type FieldSpec = z.infer<typeof FieldSpecSchema>;

export const DocumentSpecSchema = z.strictObject({
  kind: IdSchema,
  required: z.boolean(),
  /** Required only in this track. */
  track: IdSchema.optional(),
  contentTypes: z.array(z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/)).min(1),
  maxBytes: z
    .number()
    .int()
    .positive()
    .max(100 * 1024 * 1024),
  /**
   * How many files of this kind an application may hold at once; past it, a new file
   * must replace one. Bounds what one application can store.
   */
  maxFiles: z.number().int().min(1).max(20).default(5),
  label: LocalizedTextSchema,
  source: SourceSchema,
});
export type DocumentSpec = z.infer<typeof DocumentSpecSchema>;
