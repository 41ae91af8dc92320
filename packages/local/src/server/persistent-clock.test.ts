import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, ClockBackwardsError } from '@sme/core';
import { afterAll, describe, expect, it } from 'vitest';
import { ClockFileError } from '../errors.js';
import { PersistentClock } from './persistent-clock.js';

/** A real clock the test moves by hand: no test here waits on wall time. */
function manualClock(iso: string): Clock & { tick(ms: number): void } {
  let now = Date.parse(iso);
  return {
    now: () => new Date(now),
    tick: (ms) => {
      now += ms;
    },
  };
}

const dirs: string[] = [];
async function clockFile() {
  const dir = await mkdtemp(join(tmpdir(), 'sme-clock-'));
  dirs.push(dir);
  return join(dir, 'clock.json');
}
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function stored(file: string): Promise<string> {
  return (JSON.parse(await readFile(file, 'utf8')) as { now: string }).now;
}

const REAL = '2026-11-22T10:00:00.000Z';
const START = new Date('2024-01-20T01:00:00.000Z');

describe('PersistentClock', () => {
  it('starts a fresh data folder at CLOCK_START and writes it down at once', async () => {
    const file = await clockFile();
    const clock = PersistentClock.open(file, { start: START, real: manualClock(REAL) });
    expect(clock.origin).toBe('CLOCK_START');
    expect(clock.now().toISOString()).toBe('2024-01-20T01:00:00.000Z');
    expect(await stored(file)).toBe('2024-01-20T01:00:00.000Z');
  });

  it('follows real time in a fresh data folder without CLOCK_START', async () => {
    const file = await clockFile();
    const clock = PersistentClock.open(file, { real: manualClock(REAL) });
    expect(clock.origin).toBe('real time');
    expect(clock.now().toISOString()).toBe(REAL);
  });

  it('writes every move before answering, so a restart resumes from the target', async () => {
    const file = await clockFile();
    const real = manualClock(REAL);
    const clock = PersistentClock.open(file, { start: START, real });
    clock.advanceTo(new Date('2024-02-01T00:00:00+08:00'));
    expect(await stored(file)).toBe('2024-01-31T16:00:00.000Z');

    real.tick(60_000); // the restart takes a minute of real time
    const again = PersistentClock.open(file, { start: START, real });
    expect(again.origin).toBe('stored');
    expect(again.now().toISOString()).toBe('2024-01-31T16:00:00.000Z');
    real.tick(1_500);
    expect(again.now().toISOString()).toBe('2024-01-31T16:00:01.500Z');
  });

  it('resumes from a CLOCK_START later than the stored instant', async () => {
    const file = await clockFile();
    PersistentClock.open(file, { start: START, real: manualClock(REAL) });
    const later = new Date('2024-03-01T00:00:00.000Z');
    const clock = PersistentClock.open(file, { start: later, real: manualClock(REAL) });
    expect(clock.origin).toBe('CLOCK_START');
    expect(clock.now().toISOString()).toBe('2024-03-01T00:00:00.000Z');
    expect(await stored(file)).toBe('2024-03-01T00:00:00.000Z');
  });

  it('resumes from a stored instant ahead of real time when CLOCK_START is absent', async () => {
    const file = await clockFile();
    const real = manualClock(REAL);
    PersistentClock.open(file, { real }).advanceTo(new Date('2027-01-01T00:00:00.000Z'));
    expect(PersistentClock.open(file, { real }).now().toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    // Once real time has passed the stored instant, real time it is.
    const future = manualClock('2028-01-01T00:00:00.000Z');
    const clock = PersistentClock.open(file, { real: future });
    expect(clock.origin).toBe('real time');
    expect(clock.now().toISOString()).toBe('2028-01-01T00:00:00.000Z');
  });

  it('writes the running instant on persist() and never writes an earlier one', async () => {
    const file = await clockFile();
    const real = manualClock(REAL);
    const clock = PersistentClock.open(file, { start: START, real });
    real.tick(5_000);
    clock.persist();
    expect(await stored(file)).toBe('2024-01-20T01:00:05.000Z');
    // A move ahead of a tick's instant: the tick that follows cannot take the file back.
    clock.advanceTo(new Date('2024-02-01T00:00:00.000Z'));
    clock.persist();
    expect(await stored(file)).toBe('2024-02-01T00:00:00.000Z');
  });

  it('refuses a move backwards without touching the file', async () => {
    const file = await clockFile();
    const clock = PersistentClock.open(file, { start: START, real: manualClock(REAL) });
    const before = await readFile(file, 'utf8');
    expect(() => clock.advanceTo(new Date('2024-01-19T00:00:00.000Z'))).toThrow(
      ClockBackwardsError,
    );
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('replaces the file by renaming a new one over it, leaving no temporary file', async () => {
    const file = await clockFile();
    const real = manualClock(REAL);
    const clock = PersistentClock.open(file, { start: START, real });
    const first = (await stat(file)).ino;
    real.tick(1_000);
    clock.persist();
    expect((await stat(file)).ino).not.toBe(first);
    expect(await readdir(join(file, '..'))).toEqual(['clock.json']);
  });

  it.each([
    ['not JSON', '{"now":"2024-01-20T01:00', /not JSON/],
    ['no instant', '{"then":"2024-01-20T01:00:00Z"}', /no "now" instant/],
    ['an instant without offset', '{"now":"2024-01-20 09:00"}', /not an instant/],
    ['an empty file', '', /not JSON/],
  ])('refuses to start from a file with %s, naming the file', async (_, text, reason) => {
    const file = await clockFile();
    await writeFile(file, text);
    const open = () => PersistentClock.open(file, { start: START, real: manualClock(REAL) });
    expect(open).toThrow(ClockFileError);
    expect(open).toThrow(file);
    expect(open).toThrow(reason);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('checks a file without starting a clock or writing anything', async () => {
    const file = await clockFile();
    expect(() => PersistentClock.check(file)).not.toThrow(); // none yet: a fresh folder
    expect(await readdir(join(file, '..'))).toEqual([]);
    await writeFile(file, '{"now":"yesterday"}');
    expect(() => PersistentClock.check(file)).toThrow(ClockFileError);
  });

  it('refuses to start from a file it cannot read, naming the file', async () => {
    const file = await clockFile();
    await mkdir(file); // a directory where the file should be: EISDIR, even for root
    const open = () => PersistentClock.open(file, { real: manualClock(REAL) });
    expect(open).toThrow(ClockFileError);
    expect(open).toThrow(file);
    expect(open).toThrow(/cannot read it: .*EISDIR/);
  });
});
