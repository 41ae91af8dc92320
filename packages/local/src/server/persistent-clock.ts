/**
 * The local stack's virtual clock, kept in a file under `DATA_DIR` so that a restart
 * resumes from where time stood and never goes back: deadlines that fired must not come
 * due again, and decisions must not appear to precede the ones stored before them.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { type Clock, parseInstant, systemClock, VirtualClock } from '@sme/core';
import { ClockFileError } from '../errors.js';

/** Where the clock resumed from on start. */
export type ClockOrigin = 'stored' | 'CLOCK_START' | 'real time';

export interface PersistentClockOptions {
  /** `CLOCK_START`: the earliest instant to start at; real time when absent. */
  start?: Date;
  /** The clock virtual time runs along with (injected for tests). */
  real?: Clock;
}

/** The stored instant, or undefined when there is no file yet (a fresh data folder). */
function readStored(file: string): Date | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ClockFileError(file, `cannot read it: ${String(error)}`, { cause: error });
  }
  let now: unknown;
  try {
    now = (JSON.parse(text) as { now?: unknown } | null)?.now;
  } catch (error) {
    throw new ClockFileError(file, 'not JSON', { cause: error });
  }
  if (typeof now !== 'string') throw new ClockFileError(file, 'no "now" instant in it');
  try {
    return parseInstant(now);
  } catch (error) {
    throw new ClockFileError(file, `"now" is not an instant: ${now}`, { cause: error });
  }
}

export class PersistentClock extends VirtualClock {
  /** The latest instant on disk, in ms: the file only ever moves forward. */
  private saved = Number.NEGATIVE_INFINITY;

  private constructor(
    readonly file: string,
    readonly origin: ClockOrigin,
    start: Date | undefined,
    real: Clock,
  ) {
    super(start, real);
  }

  /**
   * Reads `file` as `open` would, without starting a clock: to fail before slow work.
   * @throws ClockFileError when the file exists but is unreadable or corrupt
   */
  static check(file: string): void {
    readStored(file);
  }

  /**
   * Opens the clock stored in `file`: it resumes from the later of the stored instant and
   * `start` (real time when `start` is absent), and is written back at once, so an
   * unwritable data folder fails at startup rather than on the first move.
   * @throws ClockFileError when the file exists but is unreadable or corrupt
   */
  static open(file: string, options: PersistentClockOptions = {}): PersistentClock {
    const real = options.real ?? systemClock;
    const stored = readStored(file);
    const floor = options.start ?? real.now();
    const clock =
      stored && stored.getTime() > floor.getTime()
        ? new PersistentClock(file, 'stored', stored, real)
        : new PersistentClock(
            file,
            options.start ? 'CLOCK_START' : 'real time',
            options.start,
            real,
          );
    clock.persist();
    return clock;
  }

  /** Moves forward as `VirtualClock` does, after writing the target down. */
  override advanceTo(target: Date): Date {
    // Written first: if the write fails the clock has not moved, and the caller sees why.
    if (target.getTime() >= this.now().getTime()) this.save(target);
    return super.advanceTo(target);
  }

  /** Writes the current instant (the timer loop calls this every tick, and stop once). */
  persist(): void {
    this.save(this.now());
  }

  /**
   * Replaces the file atomically (a temporary file, flushed, then renamed over it), so a
   * crash leaves the old instant or the new one, never a torn file. Synchronous: it is a
   * few bytes, and `advanceTo` is synchronous.
   */
  private save(instant: Date): void {
    const ms = instant.getTime();
    if (ms <= this.saved) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w', 0o644);
    try {
      writeSync(fd, `${JSON.stringify({ now: instant.toISOString() })}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, this.file);
    this.saved = ms;
  }
}
