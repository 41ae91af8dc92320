/**
 * The documents an application needs (those of the program, and of its track), each
 * with its files and their state, and, while it may be edited, a file input the upload
 * script drives. The refusals the script shows for a wrong type or an oversize file are
 * the platform's own (`declarationRefusals`), carried by the input.
 */
import {
  type Application,
  type ApplicationDocument,
  contentTypeNames,
  type DocumentSpec,
  type LocalizedText,
  type Program,
} from '@sme/core';
import { declarationRefusals } from '@sme/platform';
import type { FC } from 'hono/jsx';
import type { FieldErrors } from '../forms/form-errors.js';
import { beijing, fileSize } from '../shell/text.js';

export const DOCUMENT_STATES: Record<
  ApplicationDocument['status'],
  LocalizedText & { tone: string }
> = {
  pending: { zh: '已登记，待上传', en: 'declared', tone: 'warn' },
  verified: { zh: '已校验', en: 'verified', tone: 'ok' },
  replaced: { zh: '已被替换', en: 'replaced', tone: 'closed' },
};

/** The document kinds an application in its track needs. */
export const documentSpecs = (program: Program, track: string | undefined) =>
  program.documents.filter((d) => !d.track || d.track === track);

const Files: FC<{ kind: string; docs: readonly ApplicationDocument[] }> = ({ kind, docs }) => (
  <div id={`files-${kind}`}>
    {docs.length === 0 ? (
      <p class="muted">尚未上传。Nothing uploaded yet.</p>
    ) : (
      <ul class="files">
        {docs.map((doc) => {
          const state = DOCUMENT_STATES[doc.status];
          return (
            <li>
              {doc.filename}（{fileSize(doc.size)}）{' '}
              <span class={`tag ${state.tone}`}>
                {state.zh} <span lang="en">{state.en}</span>
              </span>
              {doc.verifiedAt && <span class="muted"> {beijing(doc.verifiedAt)}（北京时间）</span>}
            </li>
          );
        })}
      </ul>
    )}
  </div>
);

const Upload: FC<{ spec: DocumentSpec; docs: readonly ApplicationDocument[] }> = ({
  spec,
  docs,
}) => {
  const id = `upload-${spec.kind}`;
  const refusals = declarationRefusals(spec);
  const live = docs.filter((d) => d.status !== 'replaced');
  // Past the kind's number of files a new one takes the place of the oldest.
  const replaces = live.length >= spec.maxFiles ? live[0]?.documentId : undefined;
  return (
    <div class="upload" hidden>
      <label for={id}>
        {live.length > 0 ? '上传新文件' : '选择文件上传'}{' '}
        <span class="en">
          {live.length > 0 ? 'Upload another file' : 'Choose a file to upload'}
        </span>
      </label>
      <input
        type="file"
        id={id}
        accept={spec.contentTypes.join(',')}
        data-kind={spec.kind}
        data-types={spec.contentTypes.join(' ')}
        data-max-bytes={String(spec.maxBytes)}
        data-type-zh={refusals.contentType.zh}
        data-type-en={refusals.contentType.en}
        data-size-zh={refusals.size.zh}
        data-size-en={refusals.size.en}
        data-replaces={replaces}
        aria-describedby={`${id}-status`}
      />
      <progress
        id={`${id}-progress`}
        max={100}
        value={0}
        hidden
        aria-label={`${spec.label.zh} 上传进度`}
      ></progress>
      <p class="upload-status" id={`${id}-status`} role="status" aria-live="polite"></p>
    </div>
  );
};

export const DocumentsSection: FC<{
  tenantId: string;
  app: Application;
  program: Program;
  documents: readonly ApplicationDocument[];
  editable: boolean;
  csrf: string;
  errors: FieldErrors;
}> = ({ tenantId, app, program, documents, editable, csrf, errors }) => (
  <section
    id="documents"
    aria-labelledby="documents-heading"
    data-csrf={csrf}
    data-base={`/${tenantId}/me/applications/${app.id}/documents`}
  >
    <h2 id="documents-heading">
      申报材料 <span class="en">Documents</span>
    </h2>
    {editable && (
      <noscript>
        <p class="notice-box">
          上传材料需要启用浏览器的 JavaScript（文件在浏览器中计算校验值后直接上传）。
          <span class="en" lang="en">
            Uploading documents needs JavaScript.
          </span>
        </p>
      </noscript>
    )}
    {documentSpecs(program, app.track).length === 0 && (
      <p>
        本通知无需上传申报材料。<span class="en">This call asks for no documents.</span>
      </p>
    )}
    <ul class="cards documents">
      {documentSpecs(program, app.track).map((spec) => {
        const docs = documents.filter((d) => d.kind === spec.kind);
        const error = errors[`documents.${spec.kind}`];
        const names = contentTypeNames(spec.contentTypes);
        return (
          <li class={error ? 'card invalid' : 'card'} id={`doc-${spec.kind}`}>
            <h3>
              {spec.label.zh} <span class="en">{spec.label.en}</span>
            </h3>
            <p class="hint">
              {spec.required ? '必需' : '可选'}；{names.zh}，不超过 {fileSize(spec.maxBytes)}{' '}
              <span class="en" lang="en">
                {spec.required ? 'Required' : 'Optional'}; {names.en}, at most{' '}
                {fileSize(spec.maxBytes)}
              </span>
            </p>
            {error && (
              <p class="error-text">
                {error.zh}{' '}
                <span class="en" lang="en">
                  {error.en}
                </span>
              </p>
            )}
            <Files kind={spec.kind} docs={docs} />
            {editable && <Upload spec={spec} docs={docs} />}
          </li>
        );
      })}
    </ul>
  </section>
);
