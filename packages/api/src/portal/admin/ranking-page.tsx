/**
 * `/<t>/admin/programs/<p>/ranking?stage=<s>`: the quota ranking of a panel stage per
 * track × industry, each group with its quota range and its entries (position,
 * average, experts counted, a wide spread flagged, standing), and per group a batch
 * decision form: the entries within the quota preselected, a comment, and optionally
 * rejecting the rest of the group. The decision redirects back with what was decided;
 * a refusal (nothing chosen, a stale entry) is shown beside that group's form.
 */
import type { DomainError, LocalizedText } from '@sme/core';
import type { Platform } from '@sme/platform';
import type { Context } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { CsrfField, ErrorText, TextArea } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { catalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { csrfToken } from '../session/csrf.js';
import { renderPage } from '../shell/page.js';
import { rankingStages } from './applications-page.js';

type Standing = 'within-quota' | 'waiting-list' | 'incomplete';

const STANDINGS: Record<Standing, { text: LocalizedText; tag: string }> = {
  'within-quota': { text: { zh: '配额内', en: 'Within quota' }, tag: 'ok' },
  'waiting-list': { text: { zh: '候补', en: 'Waiting list' }, tag: 'warn' },
  incomplete: { text: { zh: '评分未完成', en: 'Scoring incomplete' }, tag: 'closed' },
};

export interface RankingFormState {
  /** The group the form was posted from (`track|industry`). */
  group: string;
  values: { pass: string[]; comment: string; rejectRest: boolean };
  errors: FieldErrors;
}

export const groupKey = (g: { track?: string; industry?: string }) =>
  `${g.track ?? '-'}|${g.industry ?? '-'}`;

/** Which field a refusal of the batch belongs beside. */
export function rankingRefusal(error: unknown): FieldErrors | undefined {
  const { code, detail } = error as DomainError;
  if (code === 'stale_stage') return { pass: detail };
  if (['empty_batch', 'duplicate_ids', 'pass_and_reject', 'batch_too_large'].includes(code))
    return { pass: detail };
  if (code === 'comment_required' || code === 'comment_too_long') return { comment: detail };
  return undefined;
}

export async function rankingPage(
  c: Context,
  platform: Platform,
  form?: RankingFormState,
  status: 200 | 409 | 422 = 200,
) {
  const { tenant, claims } = member(c);
  const programId = c.req.param('p') ?? '';
  const program = tenant.programs.find((p) => p.id === programId);
  const stageId = c.req.query('stage') ?? (program && rankingStages(program)[0]?.id) ?? '';
  const ranking = await platform.ranking.ranking(tenant, claims, programId, stageId);
  const stage = program?.stages.find((s) => s.id === stageId);
  const names = catalogueNames([tenant]);
  const decided = Number.parseInt(c.req.query('decided') ?? '', 10);
  const skipped = Number.parseInt(c.req.query('skipped') ?? '0', 10) || 0;
  const action = `/${tenant.id}/admin/programs/${programId}/ranking/decision?stage=${stageId}`;
  return renderPage(
    c,
    { title: `${stage?.name.zh ?? ''}排名`, status },
    <>
      <nav class="crumbs" aria-label="位置 Breadcrumb">
        <ol>
          <li>
            <a href={`/${tenant.id}/admin/applications`}>申报管理</a>
          </li>
          <li aria-current="page">{program?.title.zh}</li>
        </ol>
      </nav>
      <h1>
        {stage?.name.zh}排名 <span class="en">Ranking</span>
      </h1>
      <p class="muted">
        {program?.title.zh}。按平均分排序，满分 {ranking.maxTotal}{' '}
        分；专家评分差距过大的标记“分差大”。
        <span class="en">
          By average score out of {ranking.maxTotal}; a wide spread between experts is flagged.
        </span>
      </p>
      {Number.isFinite(decided) && (
        <div class="notice-box ok" role="status">
          <p>
            已决定 {decided} 项申报。
            {skipped > 0 && `另有 ${skipped} 项已由他人先行决定，未作更改。`}
            <span class="en">
              {' '}
              {decided} decided{skipped > 0 ? `; ${skipped} decided by someone else meanwhile` : ''}
              .
            </span>
          </p>
        </div>
      )}
      {ranking.groups.length === 0 && <p>暂无待排名的申报。Nothing is waiting for the ranking.</p>}
      {ranking.groups.map((group, index) => {
        const key = groupKey(group);
        const mine = form?.group === key ? form : undefined;
        const decidable = group.entries.filter((e) => e.standing !== 'incomplete');
        const chosen = new Set(
          mine
            ? mine.values.pass
            : group.entries
                .filter((e) => e.standing === 'within-quota')
                .map((e) => e.applicationId),
        );
        const prefix = `g${index}`;
        const title = [
          group.track && nameOf(names.tracks, group.track),
          group.industry && nameOf(names.industries, group.industry),
        ]
          .filter(Boolean)
          .join(' × ');
        return (
          <section class="card" aria-labelledby={`${prefix}-title`}>
            <h2 id={`${prefix}-title`}>{title || '全部 All'}</h2>
            {group.quota && (
              <p>
                配额 Quota：{group.quota.min}–{group.quota.max} 家
              </p>
            )}
            <form method="post" action={action}>
              <CsrfField token={csrfToken(c)} />
              <input type="hidden" name="stage" value={stageId} />
              <input type="hidden" name="group" value={key} />
              {decidable.map((e) => (
                <input type="hidden" name="shown" value={e.applicationId} />
              ))}
              <div class="table-wrap">
                <table>
                  <caption>
                    {title} 排名 <span class="en">Ranking</span>
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">选择 Pass</th>
                      <th scope="col">名次 Rank</th>
                      <th scope="col">单位名称 Organization</th>
                      <th scope="col">平均分 Average</th>
                      <th scope="col">已评专家 Scored</th>
                      <th scope="col">分差 Spread</th>
                      <th scope="col">位次 Standing</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.entries.map((e) => {
                      const id = `${prefix}-pass-${e.applicationId}`;
                      const standing = STANDINGS[e.standing];
                      return (
                        <tr>
                          <td>
                            <input
                              type="checkbox"
                              id={id}
                              name="pass"
                              value={e.applicationId}
                              checked={chosen.has(e.applicationId)}
                              disabled={e.standing === 'incomplete'}
                            />
                            <label for={id} class="visually-hidden">
                              通过 {e.orgName}
                            </label>
                          </td>
                          <td>{e.position}</td>
                          <td>
                            <a href={`/${tenant.id}/review/applications/${e.applicationId}`}>
                              {e.orgName}
                            </a>
                          </td>
                          <td>{e.average ?? '—'}</td>
                          <td>{e.scored}</td>
                          <td>
                            {e.spread}
                            {e.spreadFlag && <span class="tag warn">分差大 Wide spread</span>}
                          </td>
                          <td>
                            <span class={`tag ${standing.tag}`}>{standing.text.zh}</span>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <ErrorText id={`${prefix}-pass-error`} error={mine?.errors.pass} />
              {decidable.length > 0 && (
                <>
                  <div class="field">
                    <span>
                      <input
                        type="checkbox"
                        id={`${prefix}-rejectRest`}
                        name="rejectRest"
                        value="yes"
                        checked={mine?.values.rejectRest}
                      />{' '}
                      <label for={`${prefix}-rejectRest`}>
                        其余未选申报不予通过 <span class="en">Reject the rest of this group</span>
                      </label>
                    </span>
                  </div>
                  <TextArea
                    id={`${prefix}-comment`}
                    name="comment"
                    label={{ zh: '决定意见', en: 'Comment' }}
                    value={mine?.values.comment ?? '按综合得分排名，配额内择优推荐。'}
                    error={mine?.errors.comment}
                    maxLength={2000}
                    required
                  />
                  <button type="submit">通过所选 Pass selected</button>
                </>
              )}
            </form>
          </section>
        );
      })}
    </>,
  );
}

/** Reads a posted batch form: the chosen, the rest of what was shown, the comment. */
export async function readRankingForm(c: Context) {
  const posted = await c.req.parseBody({ all: true });
  const list = (value: unknown) =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String).filter(Boolean);
  const pass = [...new Set(list(posted.pass))];
  const shown = list(posted.shown);
  const rejectRest = posted.rejectRest === 'yes';
  return {
    stage: String(posted.stage ?? ''),
    group: String(posted.group ?? ''),
    pass,
    reject: rejectRest ? [...new Set(shown.filter((id) => !pass.includes(id)))] : [],
    comment: String(posted.comment ?? ''),
    rejectRest,
  };
}
