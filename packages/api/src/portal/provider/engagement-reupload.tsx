/**
 * Re-uploading a milestone document still pending (the browser's upload failed, the tab
 * was closed, or its form expired): its provider chooses the declared file again, and
 * the upload script's declaring form (`form[data-declare]`) hashes it, asks for a fresh
 * presigned POST for that same document, posts it and completes it. A file that is not
 * the one declared (another size or SHA-256) is refused before it is sent, and again by
 * the verification. The control needs the script, so without it nothing is shown.
 */
import type { MilestoneDocument } from '@sme/core';
import { declarationRefusals, MILESTONE_DOCUMENTS } from '@sme/platform';
import type { FC } from 'hono/jsx';

/** What the upload script checks a chosen file against before hashing it. */
export function fileChecks() {
  const spec = MILESTONE_DOCUMENTS;
  const refusals = declarationRefusals(spec);
  return {
    accept: spec.contentTypes.join(','),
    'data-types': spec.contentTypes.join(' '),
    'data-max-bytes': String(spec.maxBytes),
    'data-type-zh': refusals.contentType.zh,
    'data-type-en': refusals.contentType.en,
    'data-size-zh': refusals.size.zh,
    'data-size-en': refusals.size.en,
  };
}

/** Where the upload script shows a file input's progress and its outcome, read aloud. */
export const UploadProgress: FC<{ id: string; name: string }> = ({ id, name }) => (
  <>
    <progress
      id={`${id}-progress`}
      max={100}
      value={0}
      hidden
      aria-label={`${name} 上传进度`}
    ></progress>
    <p class="upload-status" id={`${id}-status`} role="status" aria-live="polite"></p>
  </>
);

export const ReuploadForm: FC<{ base: string; csrf: string; doc: MilestoneDocument }> = ({
  base,
  csrf,
  doc,
}) => {
  const action = `${base}/documents/${encodeURIComponent(doc.documentId)}/upload`;
  const id = `reupload-${doc.documentId}`;
  return (
    <form method="post" action={action} class="reupload" data-declare={action} data-csrf={csrf}>
      <div class="upload" hidden>
        <label for={id}>
          重新上传「{doc.filename}」 <span class="en">Re-upload</span>
        </label>
        <span class="hint" id={`${id}-hint`}>
          请选择登记时的同一文件（大小与校验值须一致）。
          <span class="en" lang="en">
            {' '}
            Choose the same file as declared.
          </span>
        </span>
        <input
          type="file"
          id={id}
          required
          {...fileChecks()}
          aria-describedby={`${id}-hint ${id}-status`}
        />
        <UploadProgress id={id} name={doc.filename} />
        <button type="submit">
          重新上传 <span class="en">Re-upload</span>
        </button>
      </div>
    </form>
  );
};
