/**
 * The counters partition read back: each program's applications by status (`P#`), and
 * by category within a program (`C#`); other counters kept there (supervision's cases)
 * are not the applications' and are left out.
 */
export interface CountersByKind {
  /** `{ programId: { status: n } }` */
  byProgram: Record<string, Record<string, number>>;
  /** `{ programId: { category: { status: n } } }` (`-`: none). */
  byCategory: Record<string, Record<string, Record<string, number>>>;
}

export function countersByKind(items: readonly Record<string, unknown>[]): CountersByKind {
  const byProgram: CountersByKind['byProgram'] = {};
  const byCategory: CountersByKind['byCategory'] = {};
  for (const { pk: _pk, sk, programId, category, ...byStatus } of items) {
    const counts = byStatus as Record<string, number>;
    if (String(sk).startsWith('P#')) byProgram[String(programId)] = counts;
    else if (String(sk).startsWith('C#')) {
      const program = byCategory[String(programId)] ?? {};
      program[String(category)] = counts;
      byCategory[String(programId)] = program;
    }
  }
  return { byProgram, byCategory };
}
