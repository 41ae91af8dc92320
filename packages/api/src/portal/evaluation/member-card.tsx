/**
 * One member of a year as the bureau reads it on the year's page: its rule, status,
 * score, proposed and final grade, exclusion with its reason, the member's comment,
 * what a failing grade led to; its indicators (named as the tenant's rule names them,
 * with their clause) each with the evidence counted and the score; and, while the year
 * is open, the scoring form of the bureau (0–100 per indicator, as the platform takes).
 */
import type { LocalizedText, ResolvedTenant, Role } from '@sme/core';
import type { FC } from 'hono/jsx';
import { CsrfField, TextArea, TextField } from '../forms/fields.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { ROLE_NAMES } from '../shell/role-names.js';
import { Bi, beijing } from '../shell/text.js';
import type { SupervisionForm } from '../supervision/names.js';
import { evidenceText, gradeName, type MemberRow, memberStatus } from './evaluation-text.js';

const INDICATOR = {
  name: { zh: '评价指标', en: 'Indicator' },
  requirement: { zh: '评价要求', en: 'Requirement' },
  evidence: { zh: '计入的服务记录', en: 'Evidence counted' },
  score: { zh: '得分', en: 'Score', class: 'num' },
} as const satisfies Record<string, Column>;

export const SCORE_COMMENT = { zh: '评分说明', en: 'Scoring note' };

/** The form field of an indicator's score. */
export const scoreField = (indicator: string) => `score-${indicator}`;

/** Each indicator's clause, by id: the rule's indicators may share a name (Jining's 4–6). */
export type IndicatorSources = ReadonlyMap<string, string>;

export const indicatorSources = (tenant: ResolvedTenant): IndicatorSources =>
  new Map(tenant.supervision.indicators.map((i) => [i.id, i.source]));

/** An indicator as a field names it: its name with its clause, so two of one name differ. */
export const labelOf = (i: { id: string; name: LocalizedText }, sources: IndicatorSources) => ({
  zh: `${i.name.zh}（${sources.get(i.id) ?? i.id}）`,
  en: i.name.en,
});

const Grade: FC<{ grade: string | undefined }> = ({ grade }) => {
  const name = gradeName(grade);
  return name ? <Bi text={name} /> : <>—</>;
};

function consequenceText(row: MemberRow): LocalizedText | undefined {
  const c = row.consequence;
  if (!c) return undefined;
  if (c.kind === 'rectification')
    return { zh: '已责令限期整改', en: 'Ordered to rectify within the limit' };
  return {
    zh: `连续 ${c.consecutiveFailures} 年不合格，已提出取消资格建议`,
    en: `Unqualified ${c.consecutiveFailures} years in a row: removal proposed`,
  };
}

export const MemberCard: FC<{
  row: MemberRow;
  action: string | undefined;
  token: string;
  form: SupervisionForm | undefined;
  /** The caller's own sheet, what the form starts from. */
  own: Record<string, number> | undefined;
  sources: IndicatorSources;
}> = ({ row, action, token, form, own, sources }) => {
  const prefix = `m-${row.uscc}`;
  const leads = consequenceText(row);
  return (
    <article class="card" aria-labelledby={prefix}>
      <h3 id={prefix}>{row.name}</h3>
      {/* Not in the list below: an unbreakable code would widen it past a phone's edge. */}
      <p class="muted">统一社会信用代码 USCC：{row.uscc}</p>
      <dl class="facts">
        <dt>评价规则 Rule</dt>
        <dd>
          <Bi text={row.rule.name} />
        </dd>
        <dt>状态 Status</dt>
        <dd>
          <Bi text={memberStatus(row)} />
        </dd>
        {row.excluded && (
          <>
            <dt>不参评原因 Excluded because</dt>
            <dd>
              {row.excluded.reason.zh}{' '}
              <span class="en" lang="en">
                {row.excluded.reason.en}
              </span>
            </dd>
          </>
        )}
        <dt>得分 Score</dt>
        <dd>{row.score ?? '未评分 Not scored'}</dd>
        <dt>拟定等次 Proposed grade</dt>
        <dd>
          <Grade grade={row.proposedGrade} />
        </dd>
        <dt>最终等次 Final grade</dt>
        <dd>
          <Grade grade={row.grade} />
        </dd>
        {leads && (
          <>
            <dt>后续处理 Consequence</dt>
            <dd>
              <Bi text={leads} />
            </dd>
          </>
        )}
        <dt>评分记录 Scored by</dt>
        <dd>
          {row.sheets.length === 0
            ? '暂无 None'
            : row.sheets.map((sheet) => (
                <p>
                  {(ROLE_NAMES[sheet.role as Role] ?? { zh: sheet.role }).zh}（北京时间{' '}
                  {beijing(sheet.at)}）{sheet.comment && `：${sheet.comment}`}
                </p>
              ))}
        </dd>
        <dt>服务商意见 Member's comment</dt>
        <dd>
          {row.comment ? (
            <>
              <span class="text-block">{row.comment.text}</span>（北京时间 {beijing(row.comment.at)}
              ）
            </>
          ) : (
            '暂无 None'
          )}
        </dd>
      </dl>
      <DataTable columns={Object.values(INDICATOR)}>
        {row.indicators.map((i) => (
          <tr>
            <RowHead>
              <Bi text={i.name} />
              <span class="muted">（{sources.get(i.id)}）</span>
            </RowHead>
            <Cell column={INDICATOR.requirement}>{i.requirement.zh}</Cell>
            <Cell column={INDICATOR.evidence}>{evidenceText(i.evidence).join('；') || '—'}</Cell>
            <Cell column={INDICATOR.score}>{i.score ?? '—'}</Cell>
          </tr>
        ))}
      </DataTable>
      {action && (
        <form method="post" action={action} novalidate>
          <CsrfField token={token} />
          <fieldset>
            <legend>
              评分 <span class="en">Scores</span>（每项 0–100 分 · 0 to 100 each）
            </legend>
            {form?.errors.form && (
              <p class="notice-box bad" role="alert">
                {form.errors.form.zh} <span class="en">{form.errors.form.en}</span>
              </p>
            )}
            {row.indicators.map((i) => {
              const name = scoreField(i.id);
              const kept = form ? form.values[name] : own?.[i.id]?.toString();
              return (
                <TextField
                  id={`${prefix}-${name}`}
                  name={name}
                  type="number"
                  inputMode="decimal"
                  label={labelOf(i, sources)}
                  value={kept}
                  error={form?.errors[name]}
                  min={0}
                  max={100}
                  step="any"
                />
              );
            })}
          </fieldset>
          <TextArea
            id={`${prefix}-comment`}
            name="comment"
            label={SCORE_COMMENT}
            value={form?.values.comment}
            error={form?.errors.comment}
            maxLength={2000}
          />
          <button type="submit">保存评分 Save scores</button>
        </form>
      )}
    </article>
  );
};
