/**
 * Checks that what a resolved tenant names exists: industries and categories in its
 * (possibly inherited) catalogue, tracks, document kinds and form fields in its programs.
 */
import { checkEvaluationRules } from './check-evaluation-rules.js';
import { checkPilotProgram } from './pilots.js';
import type { ResolvedTenant } from './resolve-tenants.js';

interface Problem {
  path: string;
  message: string;
}

export function checkReferences(tenant: ResolvedTenant): Problem[] {
  const problems: Problem[] = checkEvaluationRules(tenant);
  const industries = new Set(tenant.catalogue.industries.map((i) => i.id));
  const categories = new Set(tenant.catalogue.categories.map((c) => c.id));
  const hasElsewhere = tenant.regions.some((r) => r.kind === 'elsewhere');
  const programs = new Set(tenant.programs.map((p) => p.id));

  const rules = tenant.supervision.rules;
  const disqualificationRules = new Set(
    rules.filter((rule) => rule.kind === 'disqualification').map((rule) => rule.id),
  );
  rules.forEach((rule, r) => {
    const at = `supervision.rules[${r}]`;
    rule.programs?.forEach((id, i) => {
      if (!programs.has(id)) {
        problems.push({ path: `${at}.programs[${i}]`, message: `unknown program "${id}"` });
      }
    });
    if (
      rule.kind === 'disqualification' &&
      rule.rectificationGround &&
      !rule.grounds.some((g) => g.id === rule.rectificationGround)
    ) {
      problems.push({
        path: `${at}.rectificationGround`,
        message: `not one of the rule's grounds: "${rule.rectificationGround}"`,
      });
    }
    if (rule.kind === 'ban') {
      rule.onDisqualification?.forEach((id, i) => {
        if (!disqualificationRules.has(id)) {
          problems.push({
            path: `${at}.onDisqualification[${i}]`,
            message: `no disqualification rule "${id}"`,
          });
        }
      });
    }
  });

  tenant.programs.forEach((program, p) => {
    const at = `programs[${p}]`;
    const need = (ok: boolean, path: string, message: string) => {
      if (!ok) problems.push({ path: `${at}.${path}`, message });
    };
    const tracks = new Set(program.tracks.map((t) => t.id));
    const fields = new Map(program.fields.map((f) => [f.id, f]));
    for (const problem of checkPilotProgram(program)) need(false, problem.path, problem.message);

    program.industries.forEach((id, i) => {
      need(industries.has(id), `industries[${i}]`, `unknown industry "${id}"`);
    });
    program.categories.forEach((id, i) => {
      need(categories.has(id), `categories[${i}]`, `unknown category "${id}"`);
    });
    need(
      !program.allowsRegisteredElsewhere || hasElsewhere,
      'allowsRegisteredElsewhere',
      'the tenant has no region of kind "elsewhere"',
    );
    program.tracks.forEach((track, t) => {
      need(
        track.quota?.per !== 'industry' || program.industries.length > 0,
        `tracks[${t}].quota.per`,
        'a quota per industry needs the program to list industries',
      );
    });
    program.fields.forEach((field, f) => {
      need(
        !field.track || tracks.has(field.track),
        `fields[${f}].track`,
        `unknown track "${field.track}"`,
      );
    });
    program.documents.forEach((doc, d) => {
      need(
        !doc.track || tracks.has(doc.track),
        `documents[${d}].track`,
        `unknown track "${doc.track}"`,
      );
    });
    program.rules.forEach((rule, r) => {
      rule.tracks?.forEach((id, t) => {
        need(tracks.has(id), `rules[${r}].tracks[${t}]`, `unknown track "${id}"`);
      });
      rule.categories?.forEach((id, c) => {
        need(categories.has(id), `rules[${r}].categories[${c}]`, `unknown category "${id}"`);
      });
      if (rule.kind === 'min-value' || rule.kind === 'min-items' || rule.kind === 'min-date') {
        const wanted = {
          'min-items': ['list'],
          'min-value': ['number', 'money'],
          'min-date': ['date'],
        }[rule.kind];
        const type = fields.get(rule.field)?.type;
        need(
          type !== undefined && wanted.includes(type),
          `rules[${r}].field`,
          `no ${wanted.join(' or ')} field "${rule.field}"`,
        );
      }
      if (rule.kind === 'min-items' && rule.perAppliedIndustry) {
        const item = fields.get(rule.field)?.item?.find((f) => f.id === rule.perAppliedIndustry);
        need(
          item !== undefined,
          `rules[${r}].perAppliedIndustry`,
          `no item field "${rule.perAppliedIndustry}"`,
        );
      }
      if (rule.when) {
        const options = fields.get(rule.when.field)?.options?.map((o) => o.id) ?? [];
        need(
          options.includes(rule.when.equals),
          `rules[${r}].when`,
          `no select field "${rule.when.field}" with option "${rule.when.equals}"`,
        );
      }
      if (rule.kind === 'track-combinations') {
        rule.allowed.forEach((pair, a) => {
          pair.forEach((id, i) => {
            need(tracks.has(id), `rules[${r}].allowed[${a}][${i}]`, `unknown track "${id}"`);
          });
        });
      }
    });
    const opensOn = program.window.kind === 'unscheduled' ? undefined : program.window.opensOn;
    program.stages.forEach((stage, s) => {
      const due = 'due' in stage ? stage.due : undefined;
      need(
        due?.kind !== 'date' || !opensOn || due.by >= opensOn,
        `stages[${s}].due.by`,
        `due before the call opens on ${opensOn}`,
      );
      need(
        stage.kind !== 'publicity' ||
          stage.workingDays !== null ||
          program.window.kind === 'unscheduled',
        `stages[${s}].workingDays`,
        'a scheduled call needs the length of its publicity',
      );
    });
  });
  return problems;
}
