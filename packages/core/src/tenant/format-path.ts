/**
 * How an error names the place of a value: the tenant resolver, the form validation and
 * the API's problem details all write a zod issue's path this way. Its own module, so
 * the run-time users do not import the resolver and, with it, the tenant schemas.
 */

/** `['programs', 0, 'stages', 2, 'role']` → `programs[0].stages[2].role`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}
