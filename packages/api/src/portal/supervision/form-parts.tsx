/**
 * What the supervision forms have in common, drawn once: the refusal said above a form
 * (or at the top of the page when its form is gone), and the pair of a ground chosen
 * from the tenant's rules with the text that explains it, as the order, the
 * disqualification and the appeal ask for it.
 */
import type { Clause, LocalizedText } from '@sme/core';
import { Select, TextArea } from '../forms/fields.js';
import { groundOption, type SupervisionForm } from './names.js';

export function Refusal({ error }: { error: LocalizedText | undefined }) {
  if (!error) return null;
  return (
    <p class="notice-box bad" role="alert">
      {error.zh} <span class="en">{error.en}</span>
    </p>
  );
}

/** A ground of the rules and its explanation; `id` prefixes both fields' ids. */
export function GroundFields(props: {
  id: string;
  grounds: readonly Clause[];
  labels: { ground: LocalizedText; detail: LocalizedText };
  form: SupervisionForm | undefined;
  /** The ground chosen before anything is posted (a proposal's own ground). */
  ground?: string | undefined;
  max: number;
}) {
  const { id, form, labels } = props;
  return (
    <>
      <Select
        id={`${id}-ground`}
        name="ground"
        label={labels.ground}
        placeholder="请选择"
        options={props.grounds.map(groundOption)}
        value={form?.values.ground ?? props.ground}
        error={form?.errors.ground}
        required
      />
      <TextArea
        id={`${id}-detail`}
        name="detail"
        label={labels.detail}
        value={form?.values.detail}
        error={form?.errors.detail}
        maxLength={props.max}
        required
      />
    </>
  );
}
