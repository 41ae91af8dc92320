/**
 * The working-day calendar as a Lambda runs it: built with the stack's esbuild options
 * and the baked tenants, it carries no calendar package (the years are taken from it at
 * tenant resolution) and still counts across the State Council's holidays.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { esbuildOptions, REPO_ROOT, writeTenantsModule } from './bundling.js';

/** What the platform does with a tenant's calendar (publicity, due dates, periods). */
const PROBE = `
import { WorkdayCalendar } from '@sme/core';
import { bakedTenants } from './runtime/baked-tenants.js';
const calendarOf = (id) => new WorkdayCalendar(bakedTenants().find((t) => t.id === id).workCalendar);
export const nthWorkdayAfter = (id, date, n) => calendarOf(id).nthWorkdayAfter(date, n);
`;

type NthWorkdayAfter = (tenant: string, date: string, n: number) => string;

describe('the working-day calendar in a Lambda bundle', () => {
  let outdir = '';
  let bundled: string[] = [];
  let nthWorkdayAfter: NthWorkdayAfter;

  beforeAll(async () => {
    outdir = await mkdtemp(join(tmpdir(), 'sme-calendar-bundle-'));
    const {
      entryPoints,
      outdir: _,
      outExtension,
      ...options
    } = esbuildOptions(
      'api',
      writeTenantsModule(inject('tenants'), join(outdir, 'generated')),
      outdir,
    );
    const file = join(outdir, 'probe.mjs');
    const { metafile } = await build({
      ...options,
      stdin: { contents: PROBE, resolveDir: join(REPO_ROOT, 'functions/src'), loader: 'ts' },
      outfile: file,
    });
    bundled = Object.values(metafile.outputs).flatMap((o) =>
      Object.entries(o.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path),
    );
    ({ nthWorkdayAfter } = (await import(pathToFileURL(file).href)) as {
      nthWorkdayAfter: NthWorkdayAfter;
    });
  }, 60_000);
  afterAll(() => rm(outdir, { recursive: true, force: true }));

  it('carries no calendar package, nor the code that reads it', () => {
    expect(bundled.some((path) => path.includes('packages/core/src/calendar/working-days'))).toBe(
      true,
    );
    expect(bundled.filter((path) => /chinese-days|state-council-years/.test(path))).toEqual([]);
  });

  it('counts 5 working days across National Day from the baked tenants alone', () => {
    // 2025: Sun 09-28 worked, Oct 1–8 off → Sun 28, Mon 29, Tue 30, Thu 10-09, Fri 10-10.
    expect(nthWorkdayAfter('qingdao', '2025-09-26', 5)).toBe('2025-10-10');
    // 2026: Oct 1–7 off, Sat 10-10 worked → Thu 8, Fri 9, Sat 10, Mon 12, Tue 13.
    expect(nthWorkdayAfter('jinan', '2026-09-30', 5)).toBe('2026-10-13');
  });

  it('refuses a year no schedule covers rather than counting every weekday', () => {
    expect(() => nthWorkdayAfter('qingdao', '2026-12-30', 5)).toThrow(/2027/);
  });
});
