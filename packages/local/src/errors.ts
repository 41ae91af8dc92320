/**
 * The local stack's startup errors: each names what to fix, because the stack refuses
 * to guess (a reset clock or a silently missing engine would hide the real problem).
 */

/** The virtual clock's file under `DATA_DIR` exists but cannot be read or makes no sense. */
export class ClockFileError extends Error {
  override readonly name = 'ClockFileError';

  constructor(
    readonly file: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(
      `the virtual clock's file ${file} is unusable (${reason}). It keeps the local ` +
        'platform from going back in time on a restart, so it is not reset silently: ' +
        'repair it, or delete it to start from CLOCK_START (or real time).',
      options,
    );
  }
}
