/**
 * One application on the staff page (`/<t>/review/applications/<id>`): the organization
 * (with its declared parent and any sign that another application comes from the same
 * entity), every answer, every document with a link that opens it, the history, and
 * what the caller may do there now: decide the current stage, or score its panel.
 */

import {
  formatDeadline,
  type LocalizedText,
  type Program,
  type ResolvedTenant,
  statusName,
} from '@sme/core';
import type { Platform } from '@sme/platform';
import type { FC } from 'hono/jsx';
import { DocumentList } from '../applications/document-list.js';
import { FieldValues } from '../applications/field-values.js';
import { HistoryTimeline } from '../applications/history-timeline.js';
import { type CatalogueNames, nameOf } from '../publicity/catalogue-names.js';
import { Bi, beijing } from '../shell/text.js';
import { DecisionForm, type DecisionFormState } from './decision-form.js';
import { ScoringForm, type ScoringFormState, SubmittedScore } from './scoring-form.js';

export type DeskView = Awaited<ReturnType<Platform['reviewDesk']['application']>>;

export interface PageState {
  decision?: DecisionFormState;
  scoring?: ScoringFormState;
  /** A message at the top: the outcome of a post, or why it was not done. */
  message?: { tone: 'ok' | 'bad'; text: LocalizedText };
}

const RELATIONS: Record<string, string> = {
  declared_parent: '本单位声明其为上级单位',
  declared_branch: '其声明本单位为上级单位',
  same_parent: '与本单位声明同一上级单位',
};

const flagText = (flag: unknown): LocalizedText | undefined => {
  const message = (flag as { message?: LocalizedText } | null)?.message;
  return message && typeof message.zh === 'string' ? message : undefined;
};

const Facts: FC<{ rows: [LocalizedText, unknown][] }> = ({ rows }) => (
  <dl class="facts">
    {rows.map(([label, value]) => (
      <>
        <dt>
          {label.zh} <span class="en">{label.en}</span>
        </dt>
        <dd>{value}</dd>
      </>
    ))}
  </dl>
);

const Organization: FC<{ view: DeskView; names: CatalogueNames; tenant: ResolvedTenant }> = ({
  view,
  names,
  tenant,
}) => {
  const app = view.application;
  const rows: [LocalizedText, unknown][] = [
    [{ zh: '单位名称', en: 'Name' }, app.org.name],
    [{ zh: '统一社会信用代码', en: 'USCC' }, <code>{app.org.uscc}</code>],
    [{ zh: '注册所在区市', en: 'District' }, nameOf(names.regions, app.org.region)],
  ];
  if (view.parent) {
    rows.push([
      { zh: '声明的上级单位', en: 'Declared parent' },
      <>
        {view.parent.name ?? ''} <code>{view.parent.uscc}</code>
      </>,
    ]);
  }
  return (
    <>
      <Facts rows={rows} />
      {view.entityConflicts.length > 0 && (
        <div class="notice-box bad" role="note">
          <p>
            <strong>查重提示：同一主体的其他申报</strong>{' '}
            <span class="en">Other applications of the same entity</span>
          </p>
          <ul>
            {view.entityConflicts.map((other) => (
              <li>
                <a href={`/${tenant.id}/review/applications/${other.applicationId}`}>
                  {other.orgName}
                </a>{' '}
                <code>{other.uscc}</code>（{nameOf(names.regions, other.region)}
                {other.track ? `，${nameOf(names.tracks, other.track)}` : ''}）：
                {RELATIONS[other.relation] ?? other.relation}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
};

const ExpertSection: FC<{
  view: DeskView;
  action: string;
  csrf: string;
  form: ScoringFormState;
}> = ({ view, action, csrf, form }) => {
  const part = view.expert;
  if (!part) return null;
  return (
    <section aria-labelledby="scoring">
      <h2 id="scoring">
        专家评分 <span class="en">Scoring</span>：{part.stage.name.zh}
      </h2>
      {part.submitted ? (
        <SubmittedScore criteria={part.stage.criteria} score={part.submitted} />
      ) : part.open ? (
        <ScoringForm action={action} csrf={csrf} stage={part.stage} form={form} />
      ) : (
        <p class="notice-box">该环节的评审已结束。The panel has closed.</p>
      )}
    </section>
  );
};

export const ReviewApplicationPage: FC<{
  tenant: ResolvedTenant;
  program: Program;
  view: DeskView;
  names: CatalogueNames;
  csrf: string;
  state: PageState;
  /** The caller convenes the panel of the current stage: the page links to its assignment. */
  convenor?: boolean;
}> = ({ tenant, program, view, names, csrf, state, convenor = false }) => {
  const app = view.application;
  const base = `/${tenant.id}/review/applications/${app.id}`;
  const stage = program.stages.find((s) => s.id === app.stage);
  const status = statusName(app.status, program);
  return (
    <>
      <nav class="crumbs" aria-label="位置 Breadcrumb">
        <ol>
          <li>
            <a href={`/${tenant.id}/review`}>待办 Tasks</a>
          </li>
          <li aria-current="page">{app.org.name}</li>
        </ol>
      </nav>
      <h1>
        {app.org.name} <span class="en">Application</span>
      </h1>
      {state.message && (
        <div class={`notice-box ${state.message.tone}`} role="alert">
          <p>{state.message.text.zh}</p>
          <p class="en" lang="en">
            {state.message.text.en}
          </p>
        </div>
      )}
      <Facts
        rows={[
          [{ zh: '申报通知', en: 'Call' }, <Bi text={program.title} />],
          [{ zh: '申报类型', en: 'Track' }, nameOf(names.tracks, app.track) || '—'],
          [
            { zh: '细分行业', en: 'Industries' },
            app.industries.map((i) => nameOf(names.industries, i)).join('、') || '—',
          ],
          [{ zh: '状态', en: 'Status' }, <Bi text={status} />],
          [{ zh: '当前环节', en: 'Stage' }, stage ? <Bi text={stage.name} /> : '—'],
          [
            { zh: '提交时间（北京时间）', en: 'Submitted' },
            app.submittedAt ? beijing(app.submittedAt) : '—',
          ],
        ]}
      />
      <section aria-labelledby="organization">
        <h2 id="organization">
          申报单位 <span class="en">Organization</span>
        </h2>
        <Organization view={view} names={names} tenant={tenant} />
      </section>
      {view.flags.length > 0 && (
        <div class="notice-box" role="note">
          <p>
            <strong>复核提示</strong> <span class="en">For the reviewer to weigh</span>
          </p>
          <ul>
            {view.flags.map((flag) => {
              const text = flagText(flag);
              return text ? <li>{text.zh}</li> : null;
            })}
          </ul>
        </div>
      )}
      {view.content ? (
        <>
          <section aria-labelledby="fields">
            <h2 id="fields">
              申报内容 <span class="en">Answers</span>
            </h2>
            <FieldValues program={program} track={app.track} values={app.fields} />
          </section>
          <section aria-labelledby="documents">
            <h2 id="documents">
              申报材料 <span class="en">Documents</span>
            </h2>
            <DocumentList
              program={program}
              documents={view.documents}
              openHref={(documentId) => `${base}/documents/${documentId}`}
            />
          </section>
        </>
      ) : (
        <p class="notice-box">您已声明利益冲突，不再查看该申报的内容和材料。</p>
      )}
      {view.history && <HistoryTimeline program={program} events={view.history} />}
      {view.decision && (
        <section aria-labelledby="decision">
          <h2 id="decision">
            审核决定 <span class="en">Decision</span>：{view.decision.stage.name.zh}
          </h2>
          {view.decision.dueAt && (
            <p>
              办理期限 <span class="en">Due</span>：{formatDeadline(new Date(view.decision.dueAt))}
              （北京时间）
            </p>
          )}
          <DecisionForm
            action={`${base}/decision`}
            csrf={csrf}
            stage={view.decision.stage}
            outcomes={view.decision.outcomes}
            form={state.decision ?? { values: {}, errors: {} }}
          />
        </section>
      )}
      {convenor && stage?.kind === 'panel' && app.status === 'in_review' && (
        <section aria-labelledby="panel">
          <h2 id="panel">
            专家组 <span class="en">Panel</span>：{stage.name.zh}
          </h2>
          <p>
            <a href={`/${tenant.id}/admin/applications/${app.id}/panel?stage=${stage.id}`}>
              指派或查看专家组 <span class="en">Assign or view the panel</span>
            </a>
          </p>
        </section>
      )}
      <ExpertSection
        view={view}
        action={`${base}/scores`}
        csrf={csrf}
        form={state.scoring ?? { values: {}, errors: {} }}
      />
    </>
  );
};
