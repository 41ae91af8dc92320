import type { Program, ResolvedTenant } from '@sme/core';
import validator from 'asl-validator';
import { describe, expect, inject, it } from 'vitest';
import type { ChoiceState, StateMachineDefinition, TaskState } from './asl.js';
import {
  compileProgram,
  ENDED,
  outcomesOf,
  placeholder,
  SUBSTITUTIONS,
  stateName,
  substitute,
} from './compile-program.js';

const tenants: ResolvedTenant[] = inject('tenants');
const programs = tenants.flatMap((tenant) =>
  tenant.programs.map(
    (program) => [`${tenant.id}/${program.id}`, tenant.id, program] as [string, string, Program],
  ),
);

/** The stage ids met by following every stage's "pass" branch from the start. */
function passPath(definition: StateMachineDefinition): string[] {
  const visited: string[] = [];
  let name = definition.StartAt;
  while (name.startsWith('Stage_')) {
    visited.push(name.slice('Stage_'.length));
    const task = definition.States[name] as TaskState;
    const route = definition.States[task.Next] as ChoiceState;
    const pass = route.Choices.find((c) => c.StringEquals === 'pass');
    if (!pass) break;
    name = pass.Next;
  }
  expect(name).toBe(stateName.listed);
  return visited;
}

describe('compileProgram', () => {
  it('compiles at least one program for each tenant', () => {
    expect(new Set(programs.map(([, tenant]) => tenant))).toEqual(
      new Set(tenants.map((t) => t.id)),
    );
  });

  it.each(programs)('%s passes asl-validator', (_label, tenant, program) => {
    const result = validator(compileProgram(tenant, program));
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it.each(programs)(
    '%s visits its stages in the order of its configuration',
    (_label, tenant, program) => {
      expect(passPath(compileProgram(tenant, program))).toEqual(program.stages.map((s) => s.id));
    },
  );

  it.each(programs)(
    '%s routes each stage only by the outcomes it allows, or to its end when the application left review',
    (_label, tenant, program) => {
      const definition = compileProgram(tenant, program);
      for (const stage of program.stages) {
        const route = definition.States[stateName.route(stage.id)] as ChoiceState;
        expect(
          route.Choices.map((c) => c.StringEquals),
          stage.id,
        ).toEqual([...outcomesOf(stage), ENDED]);
        const ended = route.Choices.find((c) => c.StringEquals === ENDED);
        expect(definition.States[ended?.Next ?? '']).toMatchObject({ Type: 'Succeed' });
        const returned = route.Choices.find((c) => c.StringEquals === 'return');
        if (returned) {
          // A resubmission resumes at the stage that returned the application.
          expect((definition.States[returned.Next] as TaskState).Next).toBe(
            stateName.stage(stage.id),
          );
        }
      }
    },
  );

  it('makes Qingdao’s people-facing stages callback tasks that carry the token', () => {
    const qingdao = tenants.find((t) => t.id === 'qingdao')!;
    const definition = compileProgram('qingdao', qingdao.programs[0]!);
    const kinds = Object.fromEntries(
      qingdao.programs[0]!.stages.map((s) => [
        s.id,
        (definition.States[stateName.stage(s.id)] as TaskState).Resource,
      ]),
    );
    expect(kinds).toEqual({
      screening: placeholder(SUBSTITUTIONS.invoke),
      'district-review': placeholder(SUBSTITUTIONS.invokeAndWait),
      'expert-review': placeholder(SUBSTITUTIONS.invokeAndWait),
      publicity: placeholder(SUBSTITUTIONS.invokeAndWait),
      publish: placeholder(SUBSTITUTIONS.invoke),
    });
    const review = definition.States[stateName.stage('district-review')] as TaskState;
    expect(review.Parameters).toMatchObject({
      Payload: { 'taskToken.$': '$$.Task.Token', stage: 'district-review' },
    });
  });

  it('substitutes every placeholder and leaves no ARN in the compiled definition', () => {
    const program = tenants.find((t) => t.id === 'qingdao')!.programs[0]!;
    const definition = compileProgram('qingdao', program);
    expect(JSON.stringify(definition)).not.toContain('arn:');
    const values = {
      [SUBSTITUTIONS.invoke]: 'r1',
      [SUBSTITUTIONS.invokeAndWait]: 'r2',
      [SUBSTITUTIONS.stageFunction]: 'fn',
    };
    expect(JSON.stringify(substitute(definition, values))).not.toMatch(/\$\{\w+\}/);
  });
});
