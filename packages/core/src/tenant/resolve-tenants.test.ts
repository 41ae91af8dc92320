import { describe, expect, it } from 'vitest';
import { stateCouncilYears } from '../calendar/state-council-years.js';
import { WorkdayCalendar } from '../calendar/working-days.js';
import { resolveTenants, type TenantSource } from './resolve-tenants.js';
import { cityFile, provinceFile } from './tenant-builders.test-support.js';

const resolveCity = (city: unknown, file = 'testcity.ts') =>
  resolveTenants([
    { file: 'testprov.ts', config: provinceFile() },
    { file, config: city },
  ] satisfies TenantSource[]);

/** The errors of one resolution as `file path` strings, for exact comparison. */
const paths = (result: ReturnType<typeof resolveTenants>) =>
  result.errors.map((e) => `${e.file} ${e.path}`);

describe('resolveTenants', () => {
  it('resolves a valid city and applies its province catalogue', () => {
    const result = resolveCity(cityFile());
    expect(result.errors).toEqual([]);
    const city = result.tenants.find((t) => t.id === 'testcity');
    expect(city?.catalogue.categories.map((c) => c.id)).toEqual(['consulting']);
    expect(city?.catalogue.industries.map((i) => i.id)).toEqual(['equipment']);
  });

  it('lets a city override the inherited industries', () => {
    const city = cityFile();
    city.catalogue = {
      industries: [{ id: 'auto-parts', name: { zh: '汽车', en: 'Auto' }, source: '002 §一' }],
    };
    city.programs[0]!.industries = ['auto-parts'];
    const resolved = resolveCity(city).tenants.find((t) => t.id === 'testcity');
    expect(resolved?.catalogue.industries.map((i) => i.id)).toEqual(['auto-parts']);
    expect(resolved?.catalogue.categories.map((c) => c.id)).toEqual(['consulting']);
  });

  it('gives a city its province retention unless it states its own', () => {
    const retention = (years: number) => ({
      documents: { years, source: '001 §五(一)', reading: 'outlasts the ban' },
    });
    const province = { ...provinceFile(), retention: retention(5) };
    const inherited = resolveTenants([
      { file: 'testprov.ts', config: province },
      { file: 'testcity.ts', config: cityFile() },
    ]).tenants.find((t) => t.id === 'testcity');
    expect(inherited?.retention?.documents.years).toBe(5);

    const own = resolveTenants([
      { file: 'testprov.ts', config: province },
      { file: 'testcity.ts', config: { ...cityFile(), retention: retention(8) } },
    ]).tenants.find((t) => t.id === 'testcity');
    expect(own?.retention?.documents.years).toBe(8);

    const none = resolveCity(cityFile()).tenants.find((t) => t.id === 'testcity');
    expect(none?.retention).toBeUndefined();
  });

  it('refuses a retention period of no whole years', () => {
    const city = {
      ...cityFile(),
      retention: { documents: { years: 0.5, source: '001', reading: 'half a year' } },
    };
    expect(paths(resolveCity(city))).toEqual(['testcity.ts retention.documents.years']);
  });

  const broken: [string, (city: ReturnType<typeof cityFile>) => void, string, string?][] = [
    [
      'an unknown parent',
      (c) => {
        c.parent = 'hebei';
      },
      'testcity.ts parent',
    ],
    [
      'a deadline before the opening',
      (c) => {
        c.programs[0]!.window = {
          kind: 'fixed',
          opensOn: '2024-02-01',
          closesBy: '2024-01-31',
          source: '002 x',
        };
      },
      'testcity.ts programs[0].window.closesBy',
    ],
    [
      'a track quota with min > max',
      (c) => {
        c.programs[0]!.tracks![0]!.quota = { per: 'industry', range: { min: 20, max: 10 } };
      },
      'testcity.ts programs[0].tracks[0].quota.range.min',
    ],
    [
      'a field of unknown type',
      (c) => {
        (c.programs[0]!.fields![0] as { type: string }).type = 'colour';
      },
      'testcity.ts programs[0].fields[0].type',
    ],
    [
      'a stage naming an unknown role',
      (c) => {
        (c.programs[0]!.stages[1] as { role: string }).role = 'mayor';
      },
      'testcity.ts programs[0].stages[1].role',
    ],
    [
      'duplicate stage ids',
      (c) => {
        c.programs[0]!.stages[2]!.id = 'screening';
      },
      'testcity.ts programs[0].stages[2].id',
    ],
    [
      'duplicate region ids',
      (c) => {
        c.regions[1]!.id = 'east';
      },
      'testcity.ts regions[1].id',
    ],
    [
      'a city id not matching its file',
      (c) => {
        c.id = 'othercity';
      },
      'testcity.ts id',
    ],
    [
      'an industry not in the catalogue',
      (c) => {
        c.programs[0]!.industries = ['textiles'];
      },
      'testcity.ts programs[0].industries[0]',
    ],
    [
      'a rule on an unknown track',
      (c) => {
        c.programs[0]!.rules![0]!.tracks = ['chain-leader'];
      },
      'testcity.ts programs[0].rules[0].tracks[0]',
    ],
    [
      'a case rule on a field that is not a list',
      (c) => {
        (c.programs[0]!.rules![0] as { field: string }).field = 'teamSize';
      },
      'testcity.ts programs[0].rules[0].field',
    ],
    [
      'a stage due before the call opens',
      (c) => {
        (c.programs[0]!.stages[1] as { due: unknown }).due = { kind: 'date', by: '2023-12-31' };
      },
      'testcity.ts programs[0].stages[1].due.by',
    ],
    [
      'a scheduled publicity without its length',
      (c) => {
        (c.programs[0]!.stages[2] as { workingDays: number | null }).workingDays = null;
      },
      'testcity.ts programs[0].stages[2].workingDays',
    ],
    [
      'a pilot-enterprise call for providers',
      (c) => {
        c.programs[0]!.kind = 'pilot-enterprise';
        c.programs[0]!.fields!.push({
          id: 'needs',
          type: 'textarea',
          required: true,
          label: { zh: '转型需求', en: 'Needs' },
        });
      },
      'testcity.ts programs[0].applicant',
    ],
    [
      'a pilot-enterprise call that does not ask for the needs',
      (c) => {
        c.programs[0]!.kind = 'pilot-enterprise';
        c.programs[0]!.applicant = 'enterprise';
      },
      'testcity.ts programs[0].fields',
    ],
    [
      'a source without its seed',
      (c) => {
        c.programs[0]!.source = 'the notice';
      },
      'testcity.ts programs[0].source',
    ],
  ];

  it.each(broken)('reports %s at its exact path', (_label, breakIt, expected) => {
    const city = cityFile();
    breakIt(city);
    const result = resolveCity(city);
    expect(paths(result)).toEqual([expected]);
    expect(result.tenants.map((t) => t.id)).toEqual(['testprov']);
  });

  it('reports every error of a file at once', () => {
    const city = cityFile();
    city.programs[0]!.window = {
      kind: 'fixed',
      opensOn: '2024-02-01',
      closesBy: '2024-01-31',
      source: '002 x',
    };
    (city.programs[0]!.stages[1] as { role: string }).role = 'mayor';
    expect(paths(resolveCity(city))).toEqual([
      'testcity.ts programs[0].window.closesBy',
      'testcity.ts programs[0].stages[1].role',
    ]);
  });

  it('refuses a city whose parent is not a province', () => {
    const other = { ...cityFile(), id: 'othercity', parent: 'testcity' };
    const result = resolveTenants([
      { file: 'testprov.ts', config: provinceFile() },
      { file: 'testcity.ts', config: cityFile() },
      { file: 'othercity.ts', config: other },
    ]);
    expect(result.errors).toEqual([
      { file: 'othercity.ts', path: 'parent', message: 'parent "testcity" is not a province' },
    ]);
  });

  it('merges work calendars, the city overriding a year the province also sets', () => {
    const province = provinceFile();
    province.workCalendar = [
      { year: 2027, source: 'province', holidays: ['2027-01-01'], workdays: [] },
      { year: 2028, source: 'province', holidays: ['2028-01-01'], workdays: [] },
    ];
    const city = {
      ...cityFile(),
      workCalendar: [{ year: 2027, source: 'city', holidays: ['2027-01-01'], workdays: [] }],
    };
    const result = resolveTenants([
      { file: 'testprov.ts', config: province },
      { file: 'testcity.ts', config: city },
    ]);
    const resolved = result.tenants.find((t) => t.id === 'testcity');
    expect(resolved?.workCalendar.map((s) => `${s.year}:${s.source}`)).toEqual([
      ...stateCouncilYears().map((s) => `${s.year}:${s.source}`),
      '2027:city',
      '2028:province',
    ]);
  });

  it('carries the years the calendar package knows, under a year the tenant configures', () => {
    const city = {
      ...cityFile(),
      workCalendar: [{ year: 2025, source: 'city', holidays: ['2025-10-09'], workdays: [] }],
    };
    const result = resolveTenants([
      { file: 'testprov.ts', config: provinceFile() },
      { file: 'testcity.ts', config: city },
    ]);
    const byId = new Map(result.tenants.map((t) => [t.id, t]));
    const years = (id: string) => byId.get(id)?.workCalendar.map((s) => s.year);
    expect(years('testprov')).toEqual([2023, 2024, 2025, 2026]);
    expect(years('testcity')).toEqual([2023, 2024, 2025, 2026]);
    const calendar = new WorkdayCalendar(byId.get('testprov')?.workCalendar ?? []);
    // 5 working days after Thu 2024-02-08 across the Spring Festival (make-up Sun 02-18).
    expect(calendar.nthWorkdayAfter('2024-02-08', 5)).toBe('2024-02-21');
    expect(byId.get('testcity')?.workCalendar.find((s) => s.year === 2025)?.source).toBe('city');
  });
});
