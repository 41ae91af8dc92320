/**
 * The member's yearly information update (年度信息更新, 001 §三(三)) as a form: contact,
 * team size, what it offers and what changed, prefilled with the last update. Checked
 * with the API's own schema (`ProfileBody`), so the page and the API accept the same
 * values; each refusal beside its field, with what was typed kept.
 */
import type { LocalizedText, MemberProfile } from '@sme/core';
import type { FC } from 'hono/jsx';
import { ProfileBody } from '../../routes/shared-bodies.js';
import { CsrfField, ErrorSummary, TextArea, TextField } from '../forms/fields.js';
import { type FieldErrors, issueText } from '../forms/form-errors.js';
import type { SupervisionForm } from '../supervision/names.js';

export const PROFILE_LABELS: Record<string, LocalizedText> = {
  contactName: { zh: '联系人', en: 'Contact person' },
  phone: { zh: '联系电话', en: 'Phone' },
  email: { zh: '电子邮箱', en: 'Email' },
  teamSize: { zh: '服务团队人数', en: 'Team size' },
  offerings: { zh: '服务产品和解决方案', en: 'What you offer' },
  changes: { zh: '本年度信息变化情况', en: 'What changed this year' },
};

export const PROFILE_FIELDS = Object.keys(PROFILE_LABELS);

/** The form's field of each place in the API's body. */
const FIELD_OF: Record<string, string> = {
  'contact.name': 'contactName',
  'contact.phone': 'phone',
  'contact.email': 'email',
};

/** The posted form as the API's body, or what is wrong with it field by field. */
export function readProfile(values: Record<string, string>) {
  const given = (name: string) => values[name]?.trim() || undefined;
  const team = given('teamSize');
  const body = {
    contact: { name: given('contactName'), phone: given('phone'), email: given('email') },
    teamSize: team === undefined ? undefined : /^\d+$/.test(team) ? Number(team) : Number.NaN,
    offerings: given('offerings'),
    changes: given('changes'),
  };
  const result = ProfileBody.safeParse(body);
  if (result.success) return { data: result.data, errors: {} as FieldErrors };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.');
    const field = FIELD_OF[path] ?? String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    errors[field] =
      field === 'teamSize' && issue.code === 'invalid_type' && team !== undefined
        ? { zh: '「服务团队人数」须为整数', en: 'Team size must be a whole number' }
        : issueText(issue, PROFILE_LABELS[field] ?? { zh: field, en: field });
  }
  return { errors };
}

/** What the form starts from: the last update, or nothing yet. */
export function profileValues(profile: MemberProfile | null | undefined): Record<string, string> {
  if (!profile) return {};
  return {
    contactName: profile.contact.name,
    phone: profile.contact.phone,
    email: profile.contact.email ?? '',
    teamSize: String(profile.teamSize),
    offerings: profile.offerings,
    changes: profile.changes,
  };
}

export const ProfileForm: FC<{
  action: string;
  token: string;
  values: Record<string, string>;
  form: SupervisionForm | undefined;
}> = ({ action, token, values, form }) => {
  const errors = form?.errors ?? {};
  const v = form?.values ?? values;
  return (
    <form method="post" action={action} id="profile-form" novalidate>
      <CsrfField token={token} />
      <ErrorSummary errors={errors} idPrefix="profile-" />
      <TextField
        id="profile-contactName"
        name="contactName"
        label={PROFILE_LABELS.contactName as LocalizedText}
        value={v.contactName}
        error={errors.contactName}
        maxLength={50}
        required
      />
      <TextField
        id="profile-phone"
        name="phone"
        type="tel"
        inputMode="tel"
        label={PROFILE_LABELS.phone as LocalizedText}
        hint="7–20 位数字，可含 +、- 和空格 7 to 20 digits, with + - or spaces"
        value={v.phone}
        error={errors.phone}
        maxLength={20}
        required
      />
      <TextField
        id="profile-email"
        name="email"
        type="email"
        inputMode="email"
        label={PROFILE_LABELS.email as LocalizedText}
        value={v.email}
        error={errors.email}
        maxLength={100}
      />
      <TextField
        id="profile-teamSize"
        name="teamSize"
        type="number"
        inputMode="numeric"
        label={PROFILE_LABELS.teamSize as LocalizedText}
        value={v.teamSize}
        error={errors.teamSize}
        min={1}
        max={100000}
        step="1"
        required
      />
      <TextArea
        id="profile-offerings"
        name="offerings"
        label={PROFILE_LABELS.offerings as LocalizedText}
        value={v.offerings}
        error={errors.offerings}
        maxLength={5000}
        required
      />
      <TextArea
        id="profile-changes"
        name="changes"
        label={PROFILE_LABELS.changes as LocalizedText}
        hint="如名称、地址、团队、业务范围的变化；无变化请填写“无变化”。Name, address, team or scope changes; or say nothing changed."
        value={v.changes}
        error={errors.changes}
        maxLength={2000}
        required
      />
      <button type="submit">提交年度信息更新 Submit the update</button>
    </form>
  );
};
