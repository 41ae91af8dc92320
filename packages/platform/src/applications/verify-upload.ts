/**
 * Verifying an upload, the same for every document the platform keeps (an
 * application's, a milestone's): read the staged bytes once, check size, SHA-256 and
 * (for a PDF) the magic bytes, and keep exactly those bytes at the content-addressed
 * key, which no upload form can write: what anyone opens later is what was hashed.
 */
import type { DocumentStore, TenantContext } from '@sme/store';
import { InvalidRequestError } from '../errors.js';

const PDF_MAGIC = '%PDF-';

const invalid = (code: string, path: string, zh: string, en: string) =>
  new InvalidRequestError(code, { zh, en }, path);

export interface DeclaredUpload {
  /** Where the browser posted it; absent for declarations that predate staging. */
  stagingKey?: string | undefined;
  objectKey: string;
  size: number;
  sha256: string;
  contentType: string;
}

/** Verifies a declared upload and stores its bytes; refused with `missing_upload`, `checksum_mismatch` or `not_pdf`. */
export async function verifyUpload(
  documents: DocumentStore,
  ctx: TenantContext,
  declared: DeclaredUpload,
): Promise<void> {
  const stagingKey = declared.stagingKey ?? declared.objectKey;
  const staged = await documents.readStaged(ctx, stagingKey, declared.size);
  if (!staged)
    throw invalid(
      'missing_upload',
      'documentId',
      '未找到已上传的文件，请先上传',
      'Nothing was uploaded for this document',
    );
  if (staged.size !== declared.size || staged.sha256 !== declared.sha256)
    throw invalid(
      'checksum_mismatch',
      'sha256',
      '文件大小或校验值与登记的不符，请重新上传',
      'The uploaded file does not match the declared size and SHA-256',
    );
  if (
    declared.contentType === 'application/pdf' &&
    Buffer.from(staged.bytes.subarray(0, PDF_MAGIC.length)).toString('latin1') !== PDF_MAGIC
  )
    throw invalid('not_pdf', 'contentType', '文件不是有效的 PDF 文件', 'The file is not a PDF');
  await documents.storeVerified(ctx, declared.objectKey, staged.bytes, declared.contentType);
}
