import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../tenant/form.schema.js';
import { formSchema } from './form-validation.js';

const label = { zh: '字段', en: 'Field' };
const fields: FieldSpec[] = [
  { id: 'teamSize', type: 'number', required: true, label, min: 1 },
  { id: 'intro', type: 'textarea', required: false, label, max: 10 },
  { id: 'revenue', type: 'money', required: true, label, track: 'chain-leader', min: 0 },
  {
    id: 'cases',
    type: 'list',
    required: true,
    label,
    min: 1,
    max: 3,
    item: [
      { id: 'client', type: 'text', required: true, label },
      {
        id: 'industry',
        type: 'select',
        required: true,
        label,
        options: [{ id: 'auto-parts', name: label }],
      },
    ],
  },
];

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : (result.error?.issues.map((i) => i.path.join('.')) ?? []);

describe('formSchema', () => {
  it('accepts a half-filled draft but checks the types of what is there', () => {
    expect(formSchema(fields, 'product', 'draft').safeParse({ teamSize: 3 }).success).toBe(true);
    expect(issues(formSchema(fields, 'product', 'draft').safeParse({ teamSize: 'three' }))).toEqual(
      ['teamSize'],
    );
  });

  it('requires every required field of the track on submission', () => {
    expect(issues(formSchema(fields, 'chain-leader', 'submit').safeParse({}))).toEqual([
      'teamSize',
      'revenue',
      'cases',
    ]);
  });

  it('refuses a field of another track and unknown fields', () => {
    expect(issues(formSchema(fields, 'product', 'draft').safeParse({ revenue: 1 }))).toEqual(['']);
    expect(formSchema(fields, 'chain-leader', 'draft').safeParse({ revenue: 1 }).success).toBe(
      true,
    );
  });

  it('checks list counts and the fields of each entry', () => {
    const schema = formSchema(fields, 'product', 'submit');
    const entry = { client: 'A 公司', industry: 'auto-parts' };
    expect(schema.safeParse({ teamSize: 1, cases: [entry] }).success).toBe(true);
    expect(issues(schema.safeParse({ teamSize: 1, cases: [] }))).toEqual(['cases']);
    expect(issues(schema.safeParse({ teamSize: 1, cases: [entry, entry, entry, entry] }))).toEqual([
      'cases',
    ]);
    expect(
      issues(schema.safeParse({ teamSize: 1, cases: [{ client: 'A', industry: 'textiles' }] })),
    ).toEqual(['cases.0.industry']);
  });

  it('keeps money to two decimals and texts to their maximum', () => {
    const schema = formSchema(fields, 'chain-leader', 'draft');
    expect(issues(schema.safeParse({ revenue: 1.005 }))).toEqual(['revenue']);
    expect(issues(schema.safeParse({ intro: '这段介绍超过了十个字的上限' }))).toEqual(['intro']);
  });
});
