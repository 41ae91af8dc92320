/**
 * Request and response schemas of organizations, applications and documents: the
 * same zod schemas validate and generate the OpenAPI document.
 */
import { z } from '@hono/zod-openapi';
import { APPLICATION_STATUSES } from '@sme/core';

const Id = z.string().min(1).max(64);

/** An id that becomes part of a storage key: letters, digits and . _ : + - only. */
export const SafeId = z
  .string()
  .regex(/^[A-Za-z0-9._:+-]{1,64}$/, 'letters, digits and . _ : + - only');
const Uscc = z.string().openapi({ example: '91350100M000100Y43' });

export const TenantParam = z.object({
  t: z.string().openapi({ param: { name: 't', in: 'path' }, example: 'qingdao' }),
});
export const OrgParams = TenantParam.extend({
  uscc: Uscc.openapi({ param: { name: 'uscc', in: 'path' } }),
});
export const AppParams = TenantParam.extend({
  id: z.string().openapi({ param: { name: 'id', in: 'path' } }),
});
export const DocumentParams = AppParams.extend({
  documentId: z.string().openapi({ param: { name: 'documentId', in: 'path' } }),
});

export const OrganizationBody = z
  .object({
    name: z.string().trim().min(1).max(200).openapi({ example: '青岛某数字科技有限公司' }),
    region: Id.openapi({ example: 'laoshan' }),
    parentUscc: Uscc.optional(),
  })
  .openapi('OrganizationInput');

export const OrganizationSchema = z
  .object({
    uscc: z.string(),
    name: z.string(),
    region: z.string(),
    parentUscc: z.string().optional(),
  })
  .openapi('Organization');

/** Field values are checked against the program's field specs, not here. */
const Fields = z.record(z.string(), z.any()).openapi({ example: { teamSize: 25 } });

export const CreateApplicationBody = z
  .object({
    programId: Id.openapi({ example: 'dx-providers-2024' }),
    track: Id.optional().openapi({ example: 'product' }),
    category: Id.optional(),
    industries: z
      .array(Id)
      .max(20)
      .optional()
      .openapi({ example: ['auto-parts'] }),
    fields: Fields.default({}),
  })
  .openapi('CreateApplication');

export const PatchApplicationBody = z
  .object({
    track: Id.optional(),
    category: Id.optional(),
    industries: z.array(Id).max(20).optional(),
    fields: Fields.optional(),
  })
  .openapi('PatchApplication');

export const WithdrawBody = z
  .object({ reason: z.string().trim().max(500).optional() })
  .openapi('Withdraw');

export const UploadBody = z
  .object({
    kind: Id.openapi({ example: 'credit-report' }),
    filename: z.string().trim().min(1).max(255).openapi({ example: '信用信息报告.pdf' }),
    contentType: z.string().min(3).max(100).openapi({ example: 'application/pdf' }),
    size: z.number().int().positive(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'lower-case hex SHA-256'),
    replaces: SafeId.optional().openapi({
      description: 'A current document of the same kind that this file takes the place of',
    }),
  })
  .openapi('UploadRequest');

export const ListQuery = z.object({
  programId: Id.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  stage: Id.optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

const OrgRef = z.object({ uscc: z.string(), name: z.string(), region: z.string() });

export const ApplicationSummarySchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    org: OrgRef,
    track: z.string().optional(),
    category: z.string().optional(),
    industries: z.array(z.string()),
    status: z.enum(APPLICATION_STATUSES),
    stage: z.string().optional(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().optional(),
  })
  .openapi('ApplicationSummary');

export const ApplicationSchema = ApplicationSummarySchema.extend({
  fields: Fields,
  documents: z.array(
    z.object({
      documentId: z.string(),
      kind: z.string(),
      status: z.enum(['pending', 'verified', 'replaced']),
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
      sha256: z.string(),
      verifiedAt: z.string().optional(),
      replaces: z.string().optional(),
      replacedBy: z.string().optional(),
    }),
  ),
  flags: z.array(z.any()),
  /** Staff only: submitted applications of the same declared entity, for the duplicate check. */
  entityConflicts: z
    .array(
      z.object({
        applicationId: z.string(),
        uscc: z.string(),
        orgName: z.string(),
        region: z.string(),
        track: z.string().optional(),
        relation: z.enum(['declared_parent', 'declared_branch', 'same_parent']),
        parentAnswers: z.record(z.string(), z.enum(['declared', 'confirmed', 'denied'])),
      }),
    )
    .optional(),
}).openapi('Application');

export const HistorySchema = z
  .object({
    items: z.array(
      z.object({
        seq: z.number().int(),
        at: z.string(),
        actor: z.string(),
        role: z.string(),
        stage: z.string().optional(),
        from: z.string().nullable(),
        to: z.string(),
        reason: z.string().optional(),
        digest: z
          .string()
          .optional()
          .openapi({ description: 'SHA-256 of the fields and documents after this change' }),
        hash: z.string(),
        prevHash: z.string(),
      }),
    ),
  })
  .openapi('History');

export const UploadSchema = z
  .object({
    documentId: z.string(),
    upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()) }),
  })
  .openapi('UploadTicket');

/** The first submission answers `submitted`; a replayed key, how the application stands now. */
export const SubmitSchema = z
  .object({
    id: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    submittedAt: z.string().optional(),
  })
  .openapi('Submitted');

export const BanBody = z
  .object({
    uscc: Uscc,
    reason: z.string().trim().min(1).max(500),
    until: z.string().openapi({ example: '2027-12-31T00:00:00+08:00' }),
  })
  .openapi('BanInput');

export const BanSchema = z
  .object({
    id: z.string(),
    uscc: z.string(),
    reason: z.string(),
    until: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .openapi('Ban');
