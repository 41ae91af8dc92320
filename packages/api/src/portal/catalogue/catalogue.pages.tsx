/**
 * The public catalogue in the browser: `/` lists the tenants, `/<t>/` a tenant's calls
 * with their state and deadline, `/<t>/calls/<p>` one call as the notice sets it out
 * (conditions, tracks, industries, the documents to upload, the deadline in Beijing
 * time with a countdown, the review stages).
 */
import type { Program, ResolvedTenant } from '@sme/core';
import { type Platform, programOf } from '@sme/platform';
import { Hono } from 'hono';
import type { FC } from 'hono/jsx';
import { scopeOf } from '../../middleware/tenant-scope/index.js';
import { PLATFORM_NAME } from '../shell/layout.js';
import { renderPage } from '../shell/page.js';
import { Bi } from '../shell/text.js';
import { CallDetail } from './call-detail.js';
import { ProgramDeadline, StateTag } from './program-state-tag.js';

const ProgramCard: FC<{ tenant: ResolvedTenant; program: Program; now: Date }> = ({
  tenant,
  program,
  now,
}) => (
  <li class="card">
    <h2>
      <a href={`/${tenant.id}/calls/${program.id}`}>{program.title.zh}</a>
    </h2>
    <p class="en" lang="en">
      {program.title.en}
    </p>
    <p>
      <StateTag program={program} now={now} />
    </p>
    <ProgramDeadline program={program} now={now} />
  </li>
);

/** `/`: every tenant. */
export function homePage({ tenants }: Platform) {
  return new Hono().get('/', (c) =>
    renderPage(
      c,
      { title: '首页' },
      <>
        <h1>
          {PLATFORM_NAME.zh} <span class="en">{PLATFORM_NAME.en}</span>
        </h1>
        <p>请选择城市或省级平台。Choose a city or the province.</p>
        <ul class="cards">
          {tenants.all.map((t) => (
            <li class="card">
              <h2>
                <a href={`/${t.id}/`}>{t.name.zh}</a>
              </h2>
              <p class="en" lang="en">
                {t.name.en}
              </p>
              <p>{t.authority.zh}</p>
            </li>
          ))}
        </ul>
      </>,
    ),
  );
}

/** A tenant's calls and each call. */
export function cataloguePages({ clock }: Platform) {
  return new Hono()
    .get('/:t', (c) => c.redirect(`/${scopeOf(c).tenant.id}/`, 301))
    .get('/:t/', (c) => {
      const { tenant } = scopeOf(c);
      const now = clock.now();
      return renderPage(
        c,
        { title: '申报通知', scripts: ['countdown'] },
        <>
          <h1>
            申报通知 <span class="en">Calls for applications</span>
          </h1>
          {tenant.programs.length === 0 ? (
            <p>暂无申报通知。No calls at present.</p>
          ) : (
            <ul class="cards">
              {tenant.programs.map((program) => (
                <ProgramCard tenant={tenant} program={program} now={now} />
              ))}
            </ul>
          )}
          {tenant.contacts.length > 0 && (
            <>
              <h2>
                咨询电话 <span class="en">Contacts</span>
              </h2>
              <div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">部门 Department</th>
                      <th scope="col">电话 Phone</th>
                    </tr>
                  </thead>
                  <tbody>
                    {tenant.contacts.map((contact) => (
                      <tr>
                        <td>
                          <Bi text={contact.department} />
                        </td>
                        <td>
                          <a href={`tel:${contact.phone}`}>{contact.phone}</a>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>,
      );
    })
    .get('/:t/calls/:p', (c) => {
      const { tenant } = scopeOf(c);
      const program = programOf(tenant, c.req.param('p'));
      return renderPage(
        c,
        { title: program.title.zh, scripts: ['countdown'] },
        <CallDetail tenant={tenant} program={program} now={clock.now()} />,
      );
    });
}
