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

/** DynamoDB Local's launcher is Java source compiled on first start: a JRE cannot do it. */
export class JdkRequiredError extends Error {
  override readonly name = 'JdkRequiredError';

  constructor(detail: string) {
    super(
      'DynamoDB Local is started through a small Java launcher (LoopbackLauncher.java, so ' +
        'that it listens on 127.0.0.1 only), compiled on first start, which needs a JDK 17+ ' +
        'with the jdk.compiler module; the `java` on PATH has none (a JRE?). Install one, ' +
        `e.g. apt-get install openjdk-17-jdk-headless. (${detail.trim()})`,
    );
  }
}
