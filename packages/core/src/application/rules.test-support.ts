/**
 * A Qingdao-shaped program for rule tests, parsed through the real schema.
 */
import { type Program, ProgramSchema } from '../tenant/program.schema.js';
import type { Application } from './application.js';

const name = (zh: string) => ({ zh, en: zh });
const message = name('规则');

export const program: Program = ProgramSchema.parse({
  id: 'call',
  kind: 'provider-selection',
  title: name('遴选'),
  applicant: 'provider',
  source: '002',
  window: { kind: 'fixed', opensOn: '2024-01-09', closesBy: '2024-01-31', source: '002 x' },
  industries: ['auto-parts', 'rail', 'appliances'],
  tracks: [
    { id: 'integration', name: name('综合集成型'), source: '002 x' },
    { id: 'product', name: name('产品型'), source: '002 x' },
    { id: 'chain-leader', name: name('链主型'), source: '002 x' },
  ],
  fields: [
    { id: 'teamSize', type: 'number', required: true, label: name('人数') },
    { id: 'revenue', type: 'money', required: true, label: name('收入'), track: 'chain-leader' },
    {
      id: 'cases',
      type: 'list',
      required: true,
      label: name('案例'),
      item: [
        { id: 'client', type: 'text', required: true, label: name('企业') },
        { id: 'industry', type: 'text', required: true, label: name('行业') },
      ],
    },
  ],
  documents: [
    {
      kind: 'credit-report',
      required: true,
      contentTypes: ['application/pdf'],
      maxBytes: 1000,
      label: name('信用报告'),
      source: '002 x',
    },
    {
      kind: 'chain-form',
      required: true,
      track: 'chain-leader',
      contentTypes: ['application/pdf'],
      maxBytes: 1000,
      label: name('申报书'),
      source: '002 x',
    },
  ],
  rules: [
    {
      id: 'one-per-entity',
      kind: 'one-per-entity',
      per: 'track',
      includeBranches: true,
      message,
      source: '002 x',
    },
    {
      id: 'combos',
      kind: 'track-combinations',
      allowed: [['integration', 'product']],
      message,
      source: '002 x',
    },
    {
      id: 'two',
      kind: 'max-industries',
      max: 2,
      tracks: ['integration', 'product'],
      strength: 'in-principle',
      message,
      source: '002 x',
    },
    {
      id: 'one',
      kind: 'max-industries',
      max: 1,
      tracks: ['chain-leader'],
      message,
      source: '002 x',
    },
    {
      id: 'product-cases',
      kind: 'min-items',
      field: 'cases',
      min: 3,
      perAppliedIndustry: 'industry',
      tracks: ['product'],
      message,
      source: '002 x',
    },
    {
      id: 'revenue',
      kind: 'min-value',
      field: 'revenue',
      min: 1_000_000_000,
      tracks: ['chain-leader'],
      message,
      source: '002 x',
    },
    {
      id: 'big-team',
      kind: 'min-value',
      field: 'teamSize',
      min: 20,
      strength: 'guiding',
      message,
      source: '002 x',
    },
  ],
  stages: [
    { id: 's', kind: 'screening', name: name('审查'), checks: ['completeness'], source: '002 x' },
  ],
});

export function application(overrides: Partial<Application> = {}): Application {
  return {
    id: 'app-1',
    tenant: 'qingdao',
    programId: 'call',
    org: { uscc: '91350100M000100Y43', name: '测试公司', region: 'laoshan' },
    entityUscc: '91350100M000100Y43',
    track: 'product',
    industries: ['auto-parts'],
    fields: {},
    status: 'draft',
    version: 1,
    historyHead: '0'.repeat(64),
    createdAt: '2024-01-20T01:00:00.000Z',
    updatedAt: '2024-01-20T01:00:00.000Z',
    ...overrides,
  };
}
