/**
 * `/<t>/enterprise/engagements`: a pilot enterprise's engagements (issue 12 item 9):
 * who serves it, what, and each milestone the provider recorded. The enterprise
 * confirms the milestone awaiting it (a button, a form that works without script) and,
 * once the assessment acceptance is confirmed, rates the engagement once; afterwards
 * the rating reads back. A refusal (already confirmed or rated, documents unverified)
 * comes back on the same page in Chinese, with what was typed kept. Complaints about a
 * provider are lodged here too (their parts: ../complaints/enterprise-complaints.tsx).
 */
import {
  type Clause,
  DomainError,
  type Engagement,
  type LocalizedText,
  MILESTONE_KINDS,
  MILESTONE_NAMES,
  type MilestoneKind,
  type ResolvedTenant,
} from '@sme/core';
import type { Claims, Platform } from '@sme/platform';
import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { member } from '../../middleware/tenant-scope/index.js';
import { RatingBody } from '../../routes/engagement.schemas.js';
import { ComplaintForm } from '../complaints/complaint-forms.js';
import {
  complaintGrounds,
  enterpriseComplaintPages,
  enterpriseComplaintsSection,
} from '../complaints/enterprise-complaints.js';
import { CsrfField } from '../forms/fields.js';
import { readForm } from '../forms/form-errors.js';
import { csrfToken } from '../session/csrf.js';
import { Cell, type Column, DataTable, RowHead } from '../shell/data-table.js';
import { Downloads, listDownload } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';
import { ENGAGEMENT_KIND_NAMES, engagementsTable } from '../supervision/engagement-table.js';
import type { SupervisionForm } from '../supervision/names.js';
import { RATING_LABELS, RatingForm, type RatingFormState, RatingShown } from './rating-form.js';

const COLUMNS: Record<'recorded' | 'status' | 'action', Column> = {
  recorded: { zh: '提交时间（北京时间）', short: '提交时间', en: 'Recorded' },
  status: { zh: '状态', en: 'Status' },
  action: { zh: '操作', en: 'Action' },
};

/** What a post left to say on the page: a refusal, or the rating form as it was sent. */
interface Outcome {
  id: string;
  problem?: LocalizedText;
  rating?: RatingFormState;
  complaint?: SupervisionForm;
}

const DONE: Record<string, LocalizedText> = {
  confirmed: { zh: '已确认该节点。', en: 'The milestone is confirmed.' },
  rated: { zh: '评价已提交，感谢您的反馈。', en: 'Thank you: the rating is recorded.' },
  complained: {
    zh: '投诉已提交，服务商可在规定期限内答复，主管部门随后处理。',
    en: 'The complaint is filed: the provider may reply in time, then the bureau resolves it.',
  },
};

async function engagementsOf(platform: Platform, tenant: ResolvedTenant, claims: Claims) {
  const { engagementReads, engagements } = platform.supervision;
  // `mine` asserts the enterprise and lists only what is kept under its key; the cases
  // themselves give the milestones (their histories are not needed here).
  const summaries = await engagementReads.mine(tenant, claims);
  return Promise.all(summaries.map((s) => engagements.get(tenant, s.id)));
}

const MilestoneStatus = ({ milestone }: { milestone: Engagement['milestones'][number] }) => {
  if (milestone.confirmedAt)
    return <span class="tag ok">已确认 {beijing(milestone.confirmedAt)}（北京时间）</span>;
  if (milestone.documents.some((d) => d.status !== 'verified'))
    return <span class="tag warn">材料待核验 Documents pending</span>;
  return <span class="tag warn">待您确认 Awaiting you</span>;
};

function EngagementSection({
  engagement: e,
  base,
  csrf,
  outcome,
  grounds,
}: {
  engagement: Engagement;
  base: string;
  csrf: string;
  outcome?: Outcome | undefined;
  grounds: readonly Clause[];
}) {
  const at = `${base}/${e.id}`;
  const kind = ENGAGEMENT_KIND_NAMES[e.kind];
  const order = (k: MilestoneKind) => MILESTONE_KINDS.indexOf(k);
  const milestones = [...e.milestones].sort((a, b) => order(a.kind) - order(b.kind));
  return (
    <section class="engagement" aria-labelledby={`e-${e.id}`}>
      <h2 id={`e-${e.id}`}>{e.title}</h2>
      <p>
        服务商 Provider：<strong>{e.providerName}</strong>　服务类型 Kind：{kind.zh}{' '}
        <span class="en" lang="en">
          {kind.en}
        </span>
      </p>
      {outcome?.problem && (
        <div class="notice-box bad" role="alert">
          <p>
            {outcome.problem.zh}{' '}
            <span class="en" lang="en">
              {outcome.problem.en}
            </span>
          </p>
        </div>
      )}
      <DataTable
        columns={[
          { zh: '节点', en: 'Milestone' },
          COLUMNS.recorded,
          COLUMNS.status,
          COLUMNS.action,
        ]}
        caption={`${e.title}：服务节点`}
      >
        {milestones.map((m) => (
          <tr>
            <RowHead>
              {MILESTONE_NAMES[m.kind].zh}{' '}
              <span class="en" lang="en">
                {MILESTONE_NAMES[m.kind].en}
              </span>
              <br />
              <span class="muted">{m.summary}</span>
            </RowHead>
            <Cell column={COLUMNS.recorded}>{beijing(m.at)}</Cell>
            <Cell column={COLUMNS.status}>
              <MilestoneStatus milestone={m} />
            </Cell>
            <Cell column={COLUMNS.action}>
              {!m.confirmedAt && m.documents.every((d) => d.status === 'verified') && (
                <form method="post" action={`${at}/milestones/${m.kind}/confirm`}>
                  <CsrfField token={csrf} />
                  <button type="submit">
                    确认{MILESTONE_NAMES[m.kind].zh} <span class="en">Confirm</span>
                  </button>
                </form>
              )}
            </Cell>
          </tr>
        ))}
      </DataTable>
      {e.status === 'accepted' && (
        <>
          <h3>
            服务评价 <span class="en">Rate the engagement</span>
          </h3>
          <RatingForm
            action={`${at}/rating`}
            csrf={csrf}
            prefix={`rate-${e.id}-`}
            form={outcome?.rating ?? { values: {}, errors: {} }}
          />
        </>
      )}
      {e.rating && (
        <>
          <h3>
            您的评价 <span class="en">Your rating</span>
          </h3>
          <RatingShown rating={e.rating} />
        </>
      )}
      {grounds.length > 0 && (
        <ComplaintForm
          action={`${at}/complaints`}
          prefix={`c-${e.id}`}
          token={csrf}
          form={outcome?.complaint}
          grounds={grounds}
        />
      )}
    </section>
  );
}

export async function listPage(
  c: Context,
  platform: Platform,
  outcome?: Outcome,
  status: ContentfulStatusCode = 200,
) {
  const { tenant, claims } = member(c);
  const engagements = await engagementsOf(platform, tenant, claims);
  const base = `/${tenant.id}/enterprise/engagements`;
  const done = DONE[c.req.query('done') ?? ''];
  const complaints = await enterpriseComplaintsSection(platform, tenant, claims);
  return renderPage(
    c,
    { title: '我的服务登记', status },
    <>
      <h1>
        我的服务登记 <span class="en">Engagements with my enterprise</span>
      </h1>
      <p class="muted">
        服务商登记的每个节点需经贵企业确认；评测验收确认后，可对服务作一次评价。
        <span class="en" lang="en">
          {' '}
          Confirm each milestone a provider records; once the assessment acceptance is confirmed,
          rate the engagement once.
        </span>
      </p>
      {done && (
        <div class="notice-box ok" role="status">
          <p>
            {done.zh}{' '}
            <span class="en" lang="en">
              {done.en}
            </span>
          </p>
        </div>
      )}
      <Downloads
        href={base}
        label={engagementsTable(engagements, 'enterprise', platform.clock.now()).name}
      />
      {engagements.length === 0 && <p>暂无服务登记。No engagements yet.</p>}
      {engagements.map((e) => (
        <EngagementSection
          engagement={e}
          base={base}
          csrf={csrfToken(c)}
          outcome={outcome?.id === e.id ? outcome : undefined}
          grounds={complaintGrounds(tenant)}
        />
      ))}
      {complaints}
    </>,
  );
}

/** A refusal of the platform (a conflict, a bad request) shown on the page; anything else is thrown. */
function refusal(error: unknown): LocalizedText | undefined {
  return error instanceof DomainError && ['conflict', 'invalid'].includes(error.kind)
    ? error.detail
    : undefined;
}

export function enterprisePages(platform: Platform) {
  const { engagementConfirmations } = platform.supervision;
  return new Hono()
    .get('/:t/enterprise/engagements', async (c) => {
      if (!c.req.query('format')) return listPage(c, platform);
      // The list as a file (`?format=csv|xlsx`), from the engagements the page shows.
      const { tenant, claims } = member(c);
      const now = platform.clock.now();
      const engagements = await engagementsOf(platform, tenant, claims);
      return listDownload(c, engagementsTable(engagements, 'enterprise', now), now);
    })
    .route(
      '/',
      enterpriseComplaintPages(platform, (c, id, complaint, status) =>
        listPage(c, platform, { id, complaint }, status),
      ),
    )
    .post('/:t/enterprise/engagements/:id/milestones/:kind/confirm', async (c) => {
      const { tenant, claims } = member(c);
      const id = c.req.param('id');
      const kind = c.req.param('kind') as MilestoneKind;
      try {
        await engagementConfirmations.confirm(tenant, claims, id, kind);
      } catch (error) {
        const problem = refusal(error);
        if (!problem) throw error;
        return listPage(c, platform, { id, problem }, 409);
      }
      return c.redirect(`/${tenant.id}/enterprise/engagements?done=confirmed#e-${id}`, 303);
    })
    .post('/:t/enterprise/engagements/:id/rating', async (c) => {
      const { tenant, claims } = member(c);
      const id = c.req.param('id');
      const posted = await c.req.parseBody();
      const values = {
        satisfaction: String(posted.satisfaction ?? ''),
        comment: String(posted.comment ?? ''),
      };
      const { data, errors } = readForm(RatingBody, values, RATING_LABELS, ['satisfaction']);
      if (!data) return listPage(c, platform, { id, rating: { values, errors } }, 422);
      try {
        await engagementConfirmations.rate(tenant, claims, id, data);
      } catch (error) {
        const problem = refusal(error);
        if (!problem) throw error;
        return listPage(c, platform, { id, problem, rating: { values, errors: {} } }, 409);
      }
      return c.redirect(`/${tenant.id}/enterprise/engagements?done=rated#e-${id}`, 303);
    });
}
