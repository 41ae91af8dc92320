/**
 * A publicity notice as a page: the notice's header (the issuing department, what is
 * published, the objection period in Beijing time), its entries, and while it runs the
 * form to object to an entry. It prints on A4 (styles.ts hides the site's header and
 * the form).
 */
import { formatDeadline, type Program, type ResolvedTenant, shanghaiDateOf } from '@sme/core';
import type { Notice } from '@sme/store';
import type { FC } from 'hono/jsx';
import { CsrfField, ErrorSummary, Select, TextArea, TextField } from '../forms/fields.js';
import type { FieldErrors } from '../forms/form-errors.js';
import { IdempotencyKeyField } from '../forms/idempotency-key.js';
import { beijing } from '../shell/text.js';
import { type CatalogueNames, nameOf } from './catalogue-names.js';

export interface ObjectionFormState {
  values: Record<string, string>;
  errors: FieldErrors;
  /** Set once an objection was recorded (after the redirect). */
  recorded?: boolean;
}

export const OBJECTION_LABELS = {
  applicationId: { zh: '异议对象', en: 'Entry objected to' },
  reason: { zh: '异议理由', en: 'Reason' },
  contact: { zh: '联系方式', en: 'How to reach you' },
};

export function noticeTitle(program: Program): string {
  return `${program.title.zh}拟入选名单公示`;
}

export const NoticeDocument: FC<{
  tenant: ResolvedTenant;
  program: Program;
  notice: Notice;
  names: CatalogueNames;
  now: Date;
  csrf: string;
  form: ObjectionFormState;
}> = ({ tenant, program, notice, names, now, csrf, form }) => {
  const running = notice.state === 'open' && now.getTime() < Date.parse(notice.endsAt);
  const standing = notice.entries.filter((e) => !e.withdrawnAt);
  return (
    <>
      <nav class="crumbs no-print" aria-label="位置 Breadcrumb">
        <ol>
          <li>
            <a href={`/${tenant.id}/notices`}>公示</a>
          </li>
          <li aria-current="page">{noticeTitle(program)}</li>
        </ol>
      </nav>
      <article>
        <header class="notice-head">
          <p>{tenant.authority.zh}</p>
          <h1>{noticeTitle(program)}</h1>
          <p class="muted">
            发布时间 {beijing(notice.publishedAt)}（北京时间）
            {running ? (
              <span class="tag open">公示中</span>
            ) : (
              <span class="tag closed">公示已结束</span>
            )}
          </p>
        </header>
        <p>
          根据《{program.title.zh}》，经审核和专家评审，现将拟入选名单予以公示。 公示期自{' '}
          {shanghaiDateOf(new Date(notice.publishedAt))} 起至{' '}
          {formatDeadline(new Date(notice.endsAt))}（北京时间）止。公示期间，对公示对象有异议的，
          可在本页提交书面异议，写明理由并留下联系方式；{tenant.authority.zh}将逐一核查。
        </p>
        <div class="table-wrap">
          <table>
            <caption>拟入选名单（共 {standing.length} 家）</caption>
            <thead>
              <tr>
                <th scope="col">序号</th>
                <th scope="col">单位名称</th>
                <th scope="col">申报类别</th>
                <th scope="col">服务行业</th>
                <th scope="col">所在区市</th>
              </tr>
            </thead>
            <tbody>
              {notice.entries.map((entry, i) => (
                <tr>
                  <td>{i + 1}</td>
                  <td>
                    {entry.orgName}
                    {entry.withdrawnAt && (
                      <span class="tag closed">
                        已撤回申报（北京时间 {beijing(entry.withdrawnAt)}）
                      </span>
                    )}
                  </td>
                  <td>
                    {nameOf(names.tracks, entry.track) || nameOf(names.categories, entry.category)}
                  </td>
                  <td>{entry.industries.map((id) => nameOf(names.industries, id)).join('、')}</td>
                  <td>{nameOf(names.regions, entry.region)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p class="sign-off">
          {tenant.authority.zh}
          <br />
          {shanghaiDateOf(new Date(notice.publishedAt))}
        </p>
      </article>

      {form.recorded && (
        <div class="notice-box ok no-print" role="status">
          <p>您的异议已收到，{tenant.authority.zh}将在核查后与您联系。</p>
          <p class="en" lang="en">
            Your objection was recorded; the bureau will check it and contact you.
          </p>
        </div>
      )}

      {running && standing.length > 0 && (
        <section class="no-print" aria-labelledby="object">
          <h2 id="object">
            提出异议 <span class="en">Object to an entry</span>
          </h2>
          <ErrorSummary errors={form.errors} />
          <form
            method="post"
            action={`/${tenant.id}/notices/${notice.id}/objections`}
            id="objection-form"
            novalidate
          >
            <CsrfField token={csrf} />
            <IdempotencyKeyField />
            <Select
              id="applicationId"
              label={OBJECTION_LABELS.applicationId}
              required
              placeholder="请选择公示对象"
              value={form.values.applicationId}
              error={form.errors.applicationId}
              options={standing.map((e) => ({ value: e.applicationId, label: e.orgName }))}
            />
            <TextArea
              id="reason"
              label={OBJECTION_LABELS.reason}
              required
              maxLength={2000}
              hint="请写明具体事实和依据，5 至 2000 字。"
              value={form.values.reason}
              error={form.errors.reason}
            />
            <TextField
              id="contact"
              label={OBJECTION_LABELS.contact}
              required
              maxLength={200}
              hint="电话或电子邮箱，仅用于核查时联系您，不会公开。"
              value={form.values.contact}
              error={form.errors.contact}
            />
            <button type="submit">提交异议 Submit</button>
          </form>
        </section>
      )}
    </>
  );
};
