/**
 * `/<t>/me/evaluation`: a member's year as it lives it. Its yearly information update
 * (the rule's date, 31 March in the province, in Beijing time; when it last updated;
 * the form), its evaluation year by year (indicators with the evidence counted, score,
 * proposed and final grade, or why it is excluded) with a comment form while the
 * window is open, and the reminders in its inbox. An organization not in the pool is
 * told so: it has nothing to update or be graded on.
 */
import {
  DomainError,
  formatDeadline,
  type ResolvedTenant,
  shanghaiDateOf,
  yearlyUpdateDeadline,
  yearlyUpdateRules,
} from '@sme/core';
import { type Claims, ForbiddenError, hasRole, type Platform } from '@sme/platform';
import type { Context } from 'hono';
import { member } from '../../middleware/tenant-scope/index.js';
import { csrfToken } from '../session/csrf.js';
import { Downloads } from '../shell/listed-table.js';
import { renderPage } from '../shell/page.js';
import { beijing } from '../shell/text.js';
import type { SupervisionForm } from '../supervision/names.js';
import { indicatorSources } from './member-card.js';
import { Inbox, type MyYear, myEvaluationsTable, YearCard } from './my-year.js';
import { ProfileForm, profileValues } from './profile-form.js';
import { openedYears } from './years-page.js';

/** The provider signed in for its own organization in this tenant; anyone else a 403 page. */
export function ownMember(c: Context): { tenant: ResolvedTenant; claims: Claims; uscc: string } {
  const { tenant, claims } = member(c);
  if (!hasRole(claims, 'provider') || !claims.org || claims.tenant !== tenant.id)
    throw new ForbiddenError({
      zh: '仅服务商本单位可访问',
      en: 'Only the member itself opens this page',
    });
  return { tenant, claims, uscc: claims.org };
}

/** The member's record, or undefined for an organization not in the pool. */
async function record(platform: Platform, tenant: ResolvedTenant, claims: Claims, uscc: string) {
  try {
    const view = await platform.supervision.memberView.view(tenant, claims, uscc);
    return view.full ? view : undefined;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_member') return undefined;
    throw error;
  }
}

/** The member's years: each opened evaluation it is in, as it reads it. */
export async function memberYears(
  platform: Platform,
  tenant: ResolvedTenant,
  claims: Claims,
  uscc: string,
): Promise<MyYear[]> {
  const years = await openedYears(platform, tenant);
  const mine = years.filter((e) => e.members.some((m) => m.uscc === uscc));
  return Promise.all(
    mine.map(async (e) => ({
      year: e.year,
      ...(await platform.supervision.evaluations.member(tenant, claims, e.year, uscc)),
    })),
  );
}

export async function myEvaluationPage(
  c: Context,
  platform: Platform,
  form?: SupervisionForm,
  status: 200 | 409 | 422 = 200,
) {
  const { tenant, claims, uscc } = ownMember(c);
  const view = await record(platform, tenant, claims, uscc);
  const now = platform.clock.now();
  const base = `/${tenant.id}/me/evaluation`;
  const token = csrfToken(c);
  const done = c.req.query('done');
  if (!view)
    return renderPage(
      c,
      { title: '年度评价', status },
      <>
        <h1>
          年度评价 <span class="en">Yearly evaluation</span>
        </h1>
        <p class="notice-box">
          贵单位尚未入选本地服务商资源池，暂无年度信息更新和年度评价。
          <span class="en" lang="en">
            {' '}
            Your organization is not in the pool: there is no yearly update or evaluation.
          </span>
        </p>
      </>,
    );
  const [years, inbox] = await Promise.all([
    memberYears(platform, tenant, claims, uscc),
    platform.supervision.inbox.list(tenant, claims),
  ]);
  const year = shanghaiDateOf(now).slice(0, 4);
  const rules = yearlyUpdateRules(
    tenant,
    view.listings.map((l) => l.programId),
  );
  const profile = view.profile;
  const updatedThisYear = profile?.firstUpdates[year];
  const table = myEvaluationsTable(tenant, view.name, years, now);
  const profileForm = form?.key === 'profile' ? form : undefined;
  const sources = indicatorSources(tenant);
  return renderPage(
    c,
    { title: '年度评价', status },
    <>
      <h1>
        年度评价 <span class="en">Yearly evaluation</span>
      </h1>
      <p>{view.name}</p>
      {done === 'profile' && (
        <div class="notice-box ok" role="status">
          <p>年度信息已更新。The yearly information is updated.</p>
        </div>
      )}
      {done === 'comment' && (
        <div class="notice-box ok" role="status">
          <p>意见已提交。Your comment is recorded.</p>
        </div>
      )}
      <section aria-labelledby="years">
        <h2 id="years">
          评价结果 <span class="en">Evaluations</span>
        </h2>
        <Downloads href={`${base}/download`} label={table.name} />
        {years.length === 0 && (
          <p>
            暂无参评年度。
            <span class="en" lang="en">
              {' '}
              No evaluation yet.
            </span>
          </p>
        )}
        {years.map((y) => (
          <YearCard
            year={y}
            now={now}
            action={`${base}/${y.year}/comment`}
            token={token}
            form={form?.key === `comment-${y.year}` ? form : undefined}
            sources={sources}
          />
        ))}
      </section>
      <section aria-labelledby="update">
        <h2 id="update">
          年度信息更新 <span class="en">Yearly information update</span>
        </h2>
        {rules.map((rule) => {
          const deadline = yearlyUpdateDeadline(rule, Number(year));
          const by = formatDeadline(deadline);
          return (
            <p class={updatedThisYear || now < deadline ? 'notice-box' : 'notice-box bad'}>
              根据“{rule.name.zh}”（{rule.source}），须于 {year} 年 {rule.yearlyBy.month} 月{' '}
              {rule.yearlyBy.day} 日前更新信息，截止 {by}（北京时间）。{rule.consequence.zh}。
              <span class="en" lang="en">
                {' '}
                Under "{rule.name.en}" ({rule.source}) update by {by} Beijing time.{' '}
                {rule.consequence.en}.
              </span>
            </p>
          );
        })}
        {rules.length === 0 && (
          <p class="muted">
            本地规则未设年度信息更新的截止日期，可随时更新。
            <span class="en" lang="en">
              {' '}
              The local rules set no date for the update; update at any time.
            </span>
          </p>
        )}
        <p>
          最近更新 Last update：
          {profile ? `${beijing(profile.updatedAt)}（北京时间）` : '尚未更新 Never'}
        </p>
        <p>
          {year} 年度首次更新 First update of {year}：
          {updatedThisYear ? `${beijing(updatedThisYear)}（北京时间）` : '尚未更新 Not yet'}
        </p>
        <h3>
          更新信息 <span class="en">Update</span>
        </h3>
        {view.status === 'removed' ? (
          <p>已被取消资格，无需更新。Removed from the pool: no update is due.</p>
        ) : (
          <ProfileForm
            action={`${base}/profile`}
            token={token}
            values={profileValues(profile)}
            form={profileForm}
          />
        )}
      </section>
      <section aria-labelledby="inbox">
        <h2 id="inbox">
          消息提醒 <span class="en">Reminders</span>
        </h2>
        <Inbox items={inbox.items} />
      </section>
    </>,
  );
}
