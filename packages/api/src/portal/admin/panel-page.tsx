/**
 * `/<t>/admin/applications/<id>/panel`: the convenor assigns the panel of the
 * application's panel stage, choosing experts from the pool (each with the industries
 * they cover; those a conflict keeps off are marked and cannot be chosen), or draws it
 * at random. After the redirect the page shows the panel, and for a draw who was drawn
 * and who was excluded for a conflict. A refusal (fewer than the stage's minimum, the
 * panel fixed by a first score without a reason) is shown beside the field.
 */
import type { DomainError, LocalizedText } from '@sme/core';
import type { Platform } from '@sme/platform';
import type { Context } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { CsrfField, ErrorSummary, ErrorText, TextArea } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { catalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';

export interface PanelFormState {
  values: { expertIds: string[]; reason: string };
  errors: FieldErrors;
}

/** Which field a refusal of the assignment belongs beside. */
const FIELD_OF_CODE: Record<string, string> = {
  too_few_experts: 'expertIds',
  unknown_expert: 'expertIds',
  expert_conflict: 'expertIds',
  panel_fixed: 'reason',
  panel_changed: 'expertIds',
  stale_stage: 'expertIds',
};

const LABELS = {
  expertIds: { zh: '评审专家', en: 'Experts' },
  reason: { zh: '调整理由', en: 'Reason for the change' },
} satisfies Record<string, LocalizedText>;

/** The form's field a refusal belongs beside, or undefined when it is not the form's. */
export function panelRefusal(error: unknown): FieldErrors | undefined {
  const field = FIELD_OF_CODE[(error as DomainError).code];
  return field ? { [field]: (error as DomainError).detail } : undefined;
}

export async function panelPage(
  c: Context,
  platform: Platform,
  form: PanelFormState = { values: { expertIds: [], reason: '' }, errors: {} },
  status: 200 | 409 | 422 = 200,
) {
  const { tenant, claims } = member(c);
  const id = c.req.param('id') ?? '';
  const view = await platform.panelView.view(tenant, claims, id, c.req.query('stage'));
  const { app, stage, assignment, pool, conflicted, waiting, fixed } = view;
  const names = catalogueNames([tenant]);
  const assigned = new Set(assignment?.expertIds ?? []);
  const excluded = new Set(conflicted);
  const done = c.req.query('done');
  const action = `/${tenant.id}/admin/applications/${app.id}/panel?stage=${stage.id}`;
  const chosen = new Set(form.values.expertIds);
  return renderPage(
    c,
    { title: `专家组 ${app.org.name}`, status },
    <>
      <nav class="crumbs" aria-label="位置 Breadcrumb">
        <ol>
          <li>
            <a href={`/${tenant.id}/admin/applications`}>申报管理</a>
          </li>
          <li>
            <a href={`/${tenant.id}/review/applications/${app.id}`}>{app.org.name}</a>
          </li>
          <li aria-current="page">专家组</li>
        </ol>
      </nav>
      <h1>
        {stage.name.zh}：指派专家组 <span class="en">Assign the panel</span>
      </h1>
      <dl class="facts">
        <dt>申报单位 Organization</dt>
        <dd>
          {app.org.name}（{app.org.uscc}）
        </dd>
        <dt>类别 Track</dt>
        <dd>{nameOf(names.tracks, app.track) || nameOf(names.categories, app.category)}</dd>
        <dt>服务行业 Industries</dt>
        <dd>{app.industries.map((i) => nameOf(names.industries, i)).join('、')}</dd>
        <dt>最少专家人数 Minimum</dt>
        <dd>{stage.minExperts} 名</dd>
      </dl>
      {done === 'assigned' && (
        <div class="notice-box ok" role="status">
          <p>专家组已保存。The panel is saved.</p>
        </div>
      )}
      <h2>
        当前专家组 <span class="en">Current panel</span>
      </h2>
      {assignment ? (
        <>
          <p>
            {assignment.expertIds.join('、')}
            <span class="muted">
              {' '}
              （{assignment.draw ? '随机抽取' : '指定'}，北京时间 {beijing(assignment.at)}）
            </span>
          </p>
          {done === 'drawn' && assignment.draw && (
            <div class="notice-box ok" role="status">
              <p>
                随机抽取结果 Drawn：<strong>{assignment.expertIds.join('、')}</strong>
              </p>
              <p>
                因利益冲突回避 Excluded for a conflict：
                {pool
                  .filter((e) => excluded.has(e.expertId))
                  .map((e) => e.expertId)
                  .join('、') || '无 none'}
              </p>
              <p class="muted">
                抽签种子哈希 Seed hash：<code>{assignment.draw.seedHash}</code>
              </p>
            </div>
          )}
          {fixed && (
            <p class="notice-box">
              已有专家提交评分，专家组已固定；如确需增加专家，须填写调整理由（记入申报历史）。
              <span class="en">
                Scoring has begun: a change needs a reason, kept in the history.
              </span>
            </p>
          )}
        </>
      ) : (
        <p>尚未指派。No panel yet.</p>
      )}
      {!waiting ? (
        <p class="notice-box bad" role="alert">
          该申报当前不在此评审环节，不能指派专家。
          <span class="en">The application is not waiting at this stage.</span>
        </p>
      ) : (
        <>
          <ErrorSummary errors={form.errors} />
          <h2>
            从专家库选择 <span class="en">Choose from the pool</span>
          </h2>
          <form method="post" action={action}>
            <CsrfField token={csrfToken(c)} />
            <input type="hidden" name="action" value="assign" />
            <fieldset
              class={form.errors.expertIds ? 'field invalid' : 'field'}
              id="expertIds"
              aria-describedby={form.errors.expertIds ? 'expertIds-error' : undefined}
            >
              <legend>
                {LABELS.expertIds.zh} <span class="en">{LABELS.expertIds.en}</span>
              </legend>
              <ErrorText id="expertIds-error" error={form.errors.expertIds} />
              {pool.length === 0 && <p>专家库为空。The expert pool is empty.</p>}
              <ul class="choices">
                {pool.map((expert) => {
                  const inputId = `expert-${expert.expertId}`;
                  const conflict = excluded.has(expert.expertId);
                  return (
                    <li>
                      <input
                        type="checkbox"
                        id={inputId}
                        name="expertIds"
                        value={expert.expertId}
                        checked={assigned.has(expert.expertId) || chosen.has(expert.expertId)}
                        disabled={conflict || assigned.has(expert.expertId)}
                      />{' '}
                      <label for={inputId}>
                        {expert.expertId}
                        <span class="muted">
                          {' '}
                          {expert.industries.map((i) => nameOf(names.industries, i)).join('、')}
                        </span>
                        {conflict && <span class="tag bad">利益冲突，回避 Conflict</span>}
                        {assigned.has(expert.expertId) && <span class="tag ok">已在专家组</span>}
                      </label>
                    </li>
                  );
                })}
              </ul>
            </fieldset>
            {(fixed || form.errors.reason) && (
              <TextArea
                id="reason"
                label={LABELS.reason}
                value={form.values.reason}
                error={form.errors.reason}
                maxLength={1000}
              />
            )}
            <button type="submit">保存专家组 Save the panel</button>
          </form>
          <h2>
            随机抽取 <span class="en">Random draw</span>
          </h2>
          <form method="post" action={action}>
            <CsrfField token={csrfToken(c)} />
            <input type="hidden" name="action" value="draw" />
            <p>
              从专家库中随机抽取 {stage.minExperts} 名专家，自动排除存在利益冲突的专家。
              <span class="en">Draws {stage.minExperts} experts, conflicts excluded.</span>
            </p>
            {fixed && (
              <TextArea
                id="draw-reason"
                name="reason"
                label={LABELS.reason}
                value={form.values.reason}
                maxLength={1000}
              />
            )}
            <button type="submit" class="secondary">
              随机抽取 Draw
            </button>
          </form>
        </>
      )}
    </>,
  );
}

/** Reads the posted panel form: the chosen experts and a reason. */
export async function readPanelForm(c: Context) {
  const posted = await c.req.parseBody({ all: true });
  const list = (value: unknown) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);
  return {
    action: String(posted.action ?? 'assign'),
    values: {
      expertIds: list(posted.expertIds).filter(Boolean),
      reason: String(posted.reason ?? '').trim(),
    },
  };
}
