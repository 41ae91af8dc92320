/**
 * Builders of small valid tenant files for tests; each test breaks one thing.
 */
import type { TenantFile } from './tenant-config.schema.js';

const name = (zh: string, en: string) => ({ zh, en });

export function provinceFile(): TenantFile {
  return {
    id: 'testprov',
    kind: 'province',
    name: name('测试省', 'Test Province'),
    timeZone: 'Asia/Shanghai',
    authority: name('测试省工信厅', 'Test department'),
    regions: [{ id: 'alpha', name: name('甲市', 'Alpha'), kind: 'city' }],
    catalogue: {
      categories: [{ id: 'consulting', name: name('咨询', 'Consulting'), source: '001 §一(2)' }],
      industries: [{ id: 'equipment', name: name('装备', 'Equipment'), source: '003 附件二1' }],
    },
  };
}

export function cityFile(): TenantFile & { programs: NonNullable<TenantFile['programs']> } {
  return {
    id: 'testcity',
    kind: 'city',
    parent: 'testprov',
    name: name('测试市', 'Test City'),
    timeZone: 'Asia/Shanghai',
    authority: name('测试市局', 'Test bureau'),
    regions: [
      { id: 'east', name: name('东区', 'East'), kind: 'district' },
      { id: 'elsewhere', name: name('外地', 'Elsewhere'), kind: 'elsewhere', reviewedBy: 'tenant' },
    ],
    programs: [
      {
        id: 'call',
        kind: 'provider-selection',
        title: name('遴选', 'Selection'),
        applicant: 'provider',
        source: '002',
        window: {
          kind: 'fixed',
          opensOn: '2024-01-09',
          closesBy: '2024-01-31',
          source: '002 §三(一)2',
        },
        allowsRegisteredElsewhere: true,
        industries: ['equipment'],
        tracks: [
          {
            id: 'product',
            name: name('产品型', 'Product'),
            quota: { per: 'industry', range: { min: 10, max: 20 } },
            source: '002 §一',
          },
        ],
        fields: [
          { id: 'teamSize', type: 'number', required: true, label: name('人数', 'Team'), min: 1 },
          {
            id: 'cases',
            type: 'list',
            required: true,
            label: name('案例', 'Cases'),
            item: [{ id: 'client', type: 'text', required: true, label: name('企业', 'Client') }],
          },
        ],
        rules: [
          {
            id: 'product-cases',
            kind: 'min-items',
            field: 'cases',
            min: 3,
            tracks: ['product'],
            message: name('案例不足', 'Too few cases'),
            source: '002 §二(三)2',
          },
        ],
        stages: [
          {
            id: 'screening',
            kind: 'screening',
            name: name('形式审查', 'Screening'),
            checks: ['completeness'],
            source: '002 §三',
          },
          {
            id: 'district-review',
            kind: 'manual',
            name: name('初审', 'Initial review'),
            role: 'district_reviewer',
            scope: 'region',
            outcomes: ['pass', 'return', 'reject'],
            due: { kind: 'date', by: '2024-02-08' },
            source: '002 §三(二)',
          },
          {
            id: 'publicity',
            kind: 'publicity',
            name: name('公示', 'Publicity'),
            role: 'city_admin',
            workingDays: 5,
            source: '002 §三(三)',
          },
        ],
      },
    ],
  };
}
