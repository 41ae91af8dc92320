/**
 * The provider's two engagement forms: registering an engagement from its contract,
 * and recording the next milestone. Both post as plain forms (no script needed); their
 * PDF documents are declared with the record and uploaded straight to storage by the
 * upload script (`form[data-declare]`), the same mechanism as application documents.
 * A refusal comes back at the top (a conflict such as `exclusive_service`) or beside
 * its field, in Chinese and English, with what was typed kept.
 */
import {
  contentTypeNames,
  ENGAGEMENT_KINDS,
  type LocalizedText,
  MILESTONE_NAMES,
  type MilestoneKind,
} from '@sme/core';
import { MILESTONE_DOCUMENTS } from '@sme/platform';
import type { FC } from 'hono/jsx';
import { CsrfField, ErrorSummary, Select, TextArea, TextField } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { IdempotencyKeyField } from '../forms/idempotency-key.js';
import { fileSize } from '../shell/text.js';
import { ENGAGEMENT_KIND_NAMES } from '../supervision/engagement-table.js';
import { fileChecks, UploadProgress } from './engagement-reupload.js';

export interface FormState {
  values: Record<string, string>;
  errors: FieldErrors;
  /** A refusal that is no one field's: shown above the form. */
  problem?: LocalizedText | undefined;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

export const REGISTER_LABELS: Record<string, LocalizedText> = {
  enterpriseUscc: { zh: '企业统一社会信用代码', en: "Enterprise's USCC" },
  kind: { zh: '服务类型', en: 'Kind of service' },
  title: { zh: '服务项目名称', en: 'Title' },
  contractSignedAt: { zh: '合同签订日期', en: 'Contract signed on' },
  amount: { zh: '合同金额（元）', en: 'Amount (CNY)' },
  documents: { zh: '服务记录材料', en: 'Documents' },
};

export const MILESTONE_LABELS: Record<string, LocalizedText> = {
  kind: { zh: '服务环节', en: 'Milestone' },
  summary: { zh: '环节情况说明', en: 'Summary' },
  documents: { zh: '服务记录材料', en: 'Documents' },
};

const Problem: FC<{ problem?: LocalizedText | undefined }> = ({ problem }) =>
  problem ? (
    <div class="notice-box bad" role="alert">
      <p>
        {problem.zh}{' '}
        <span class="en" lang="en">
          {problem.en}
        </span>
      </p>
    </div>
  ) : null;

/** PDFs of a record, uploaded by the script; without script the form posts without them. */
const DocumentsInput: FC<{ id: string; label: LocalizedText }> = ({ id, label }) => {
  const spec = MILESTONE_DOCUMENTS;
  const names = contentTypeNames(spec.contentTypes);
  return (
    <>
      <noscript>
        <p class="notice-box">
          上传材料需要启用浏览器的 JavaScript；不上传材料也可提交。
          <span class="en" lang="en">
            Uploading documents needs JavaScript; the form posts without them.
          </span>
        </p>
      </noscript>
      <div class="upload field" hidden>
        <label for={id}>
          {label.zh}（可选，可多选） <span class="en">{label.en} (optional)</span>
        </label>
        <span class="hint" id={`${id}-hint`}>
          {names.zh}，每个不超过 {fileSize(spec.maxBytes)}，最多 {spec.maxFiles} 个
        </span>
        <input
          type="file"
          id={id}
          multiple
          {...fileChecks()}
          aria-describedby={`${id}-hint ${id}-status`}
        />
        <UploadProgress id={id} name={label.zh} />
      </div>
    </>
  );
};

const label = (key: string, labels: Record<string, LocalizedText>) =>
  labels[key] ?? { zh: key, en: key };

export const RegisterForm: FC<{
  action: string;
  csrf: string;
  form: FormState;
}> = ({ action, csrf, form }) => {
  const v = form.values;
  const e = form.errors;
  return (
    <form
      method="post"
      action={action}
      id="register-form"
      data-declare={action}
      data-csrf={csrf}
      novalidate
    >
      <Problem problem={form.problem} />
      <ErrorSummary errors={e} />
      <CsrfField token={csrf} />
      <IdempotencyKeyField />
      <TextField
        id="enterpriseUscc"
        label={label('enterpriseUscc', REGISTER_LABELS)}
        hint="18 位，服务的试点企业"
        value={v.enterpriseUscc}
        error={e.enterpriseUscc}
        maxLength={18}
        required
      />
      <Select
        id="kind"
        label={label('kind', REGISTER_LABELS)}
        value={v.kind}
        error={e.kind}
        placeholder="请选择"
        options={ENGAGEMENT_KINDS.map((k) => ({
          value: k,
          label: `${ENGAGEMENT_KIND_NAMES[k].zh} ${ENGAGEMENT_KIND_NAMES[k].en}`,
        }))}
        required
      />
      <TextField
        id="title"
        label={label('title', REGISTER_LABELS)}
        value={v.title}
        error={e.title}
        maxLength={200}
        required
      />
      <TextField
        id="contractSignedAt"
        type="date"
        label={label('contractSignedAt', REGISTER_LABELS)}
        value={v.contractSignedAt}
        error={e.contractSignedAt}
        required
      />
      <TextField
        id="amount"
        label={label('amount', REGISTER_LABELS)}
        hint="可选 Optional"
        value={v.amount}
        error={e.amount}
        inputMode="decimal"
      />
      <DocumentsInput id="register-documents" label={{ zh: '合同材料', en: 'Contract' }} />
      <button type="submit">
        登记服务 <span class="en">Register</span>
      </button>
    </form>
  );
};

export const MilestoneForm: FC<{
  action: string;
  csrf: string;
  kind: Exclude<MilestoneKind, 'contract'>;
  form: FormState;
}> = ({ action, csrf, kind, form }) => {
  const name = MILESTONE_NAMES[kind];
  return (
    <form
      method="post"
      action={action}
      id="milestone-form"
      data-declare={action}
      data-csrf={csrf}
      novalidate
    >
      <Problem problem={form.problem} />
      <ErrorSummary errors={form.errors} />
      <CsrfField token={csrf} />
      <input type="hidden" name="kind" value={kind} />
      <p>
        下一环节 Next：<strong>{name.zh}</strong>{' '}
        <span class="en" lang="en">
          {name.en}
        </span>
      </p>
      <TextArea
        id="summary"
        label={label('summary', MILESTONE_LABELS)}
        value={form.values.summary}
        error={form.errors.summary}
        maxLength={2000}
        required
      />
      <DocumentsInput id="milestone-documents" label={label('documents', MILESTONE_LABELS)} />
      <button type="submit">
        登记{name.zh} <span class="en">Record</span>
      </button>
    </form>
  );
};
