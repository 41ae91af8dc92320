/**
 * Pilot enterprises (试点企业, seed 000 §一(二), §三(二)): the firms a city selects to be
 * transformed, not providers. A `pilot-enterprise` program's listing makes the applicant
 * one of the tenant's pilot enterprises and never a provider of its pool (API.md
 * "Supervision": its listing goes to `GET /pilots`). What the pilots list shows of each
 * beside its name and district is its needs: the program's form field `needs`, which
 * `checkPilotProgram` requires of every such program.
 */
import type { Program } from './program.schema.js';

/** The form field in which a pilot enterprise states its digital-transformation needs. */
export const PILOT_NEEDS_FIELD = 'needs';

/** Whether the program's listings are pilot enterprises rather than providers. */
export const listsPilots = (program: Pick<Program, 'kind'>) => program.kind === 'pilot-enterprise';

/** What a pilot-enterprise program lacks to be listed as one, if anything. */
export function checkPilotProgram(program: Program): { path: string; message: string }[] {
  if (!listsPilots(program)) return [];
  const needs = program.fields.find((f) => f.id === PILOT_NEEDS_FIELD);
  return [
    ...(program.applicant === 'enterprise'
      ? []
      : [{ path: 'applicant', message: 'pilot enterprises apply as "enterprise"' }]),
    ...(needs?.required && (needs.type === 'textarea' || needs.type === 'text')
      ? []
      : [
          {
            path: 'fields',
            message: `a pilot-enterprise program asks for its needs in a required text field "${PILOT_NEEDS_FIELD}"`,
          },
        ]),
  ];
}
