/**
 * One call as its notice sets it out: the deadline with a countdown, who may apply,
 * the tracks with their quotas and conditions, the industries, the documents to upload
 * (named as people know them: "PDF 文件, 不超过 20 MB"), and the review stages. Every
 * condition cites its clause.
 */
import { type Clause, contentTypeNames, type Program, type ResolvedTenant } from '@sme/core';
import type { FC } from 'hono/jsx';
import { Bi, fileSize } from '../shell/text.js';
import { ProgramDeadline, StateTag } from './program-state-tag.js';

const Clauses: FC<{ clauses: readonly Clause[] }> = ({ clauses }) => (
  <ol class="clauses">
    {clauses.map((clause) => (
      <li>
        {clause.zh} <span class="source">（{clause.source}）</span>
      </li>
    ))}
  </ol>
);

export const CallDetail: FC<{ tenant: ResolvedTenant; program: Program; now: Date }> = ({
  tenant,
  program,
  now,
}) => {
  const industries = tenant.catalogue.industries.filter((i) => program.industries.includes(i.id));
  const categories = tenant.catalogue.categories.filter((c) => program.categories.includes(c.id));
  const trackName = new Map(program.tracks.map((t) => [t.id, t.name]));
  return (
    <>
      <nav class="crumbs" aria-label="位置 Breadcrumb">
        <ol>
          <li>
            <a href={`/${tenant.id}/`}>申报通知</a>
          </li>
          <li aria-current="page">{program.title.zh}</li>
        </ol>
      </nav>
      <h1>
        {program.title.zh}
        <br />
        <span class="en" lang="en">
          {program.title.en}
        </span>
      </h1>
      <p>
        <StateTag program={program} now={now} /> <span class="source">依据 {program.source}</span>
      </p>
      <ProgramDeadline program={program} now={now} />
      <p>
        申报主体 Applicant：
        {program.applicant === 'provider' ? '数字化转型服务商 Providers' : '中小企业 Enterprises'}
      </p>

      {program.conditions.length > 0 && (
        <section aria-labelledby="conditions">
          <h2 id="conditions">
            申报条件 <span class="en">Conditions</span>
          </h2>
          <Clauses clauses={program.conditions} />
        </section>
      )}

      {program.tracks.length > 0 && (
        <section aria-labelledby="tracks">
          <h2 id="tracks">
            申报类别 <span class="en">Tracks</span>
          </h2>
          {program.tracks.map((track) => (
            <article class="card">
              <h3>
                <Bi text={track.name} />
              </h3>
              {track.description && <p>{track.description.zh}</p>}
              {track.quota && (
                <p>
                  拟遴选数量 Quota：{track.quota.range.min}–{track.quota.range.max} 家
                  {track.quota.per === 'industry' ? '（每个行业）' : ''}
                </p>
              )}
              {track.conditions.length > 0 && <Clauses clauses={track.conditions} />}
            </article>
          ))}
        </section>
      )}

      {industries.length > 0 && (
        <section aria-labelledby="industries">
          <h2 id="industries">
            服务行业 <span class="en">Industries</span>
          </h2>
          <ul>
            {industries.map((industry) => (
              <li>
                <Bi text={industry.name} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {categories.length > 0 && (
        <section aria-labelledby="categories">
          <h2 id="categories">
            服务商类别 <span class="en">Categories</span>
          </h2>
          <ul>
            {categories.map((category) => (
              <li>
                <Bi text={category.name} />
                {category.conditions.length > 0 && <Clauses clauses={category.conditions} />}
              </li>
            ))}
          </ul>
        </section>
      )}

      {program.documents.length > 0 && (
        <section aria-labelledby="documents">
          <h2 id="documents">
            申报材料 <span class="en">Documents</span>
          </h2>
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">材料 Document</th>
                  <th scope="col">格式与大小 Format</th>
                  <th scope="col">要求 Required</th>
                </tr>
              </thead>
              <tbody>
                {program.documents.map((doc) => {
                  const track = doc.track ? trackName.get(doc.track) : undefined;
                  return (
                    <tr>
                      <td>
                        <Bi text={doc.label} />
                      </td>
                      <td>
                        {contentTypeNames(doc.contentTypes).zh}，不超过 {fileSize(doc.maxBytes)}
                      </td>
                      <td>
                        {doc.required ? '必须提交' : '可选'}
                        {track ? `（${track.zh}）` : ''}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby="stages">
        <h2 id="stages">
          评审流程 <span class="en">Review</span>
        </h2>
        <ol>
          {program.stages.map((stage) => (
            <li>
              <Bi text={stage.name} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
};
