/**
 * The one error type of the domain. Every refusal the platform makes carries a stable
 * `code` (what clients and tests match on) and a message in Chinese first, English
 * second; the API maps it to problem details in one place.
 */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';

  constructor(
    /** Stable, machine-readable code, e.g. `window_closed`. */
    readonly code: string,
    /** What a user reads: Chinese first, English after. */
    readonly detail: { zh: string; en: string },
    options?: { cause?: unknown },
  ) {
    super(`${detail.zh} / ${detail.en}`, options);
  }
}

/** A year the working-day calendar has no State Council schedule for. */
export class CalendarYearUnknownError extends DomainError {
  override readonly name = 'CalendarYearUnknownError';

  constructor(readonly year: number) {
    super('calendar_year_unknown', {
      zh: `尚未配置 ${year} 年国务院节假日安排，无法计算工作日`,
      en: `No State Council holiday schedule is configured for ${year}; working days cannot be computed`,
    });
  }
}

/** A date or instant that cannot be read. */
export class InvalidDateError extends DomainError {
  override readonly name = 'InvalidDateError';

  constructor(readonly input: string) {
    super('invalid_date', {
      zh: `无法识别的日期或时间：${input}`,
      en: `Not a valid date or instant: ${input}`,
    });
  }
}
