/**
 * One engagement as its provider reads it: the contract's facts, then every milestone
 * in the notice's order (contract → plan → works → internal acceptance → assessment
 * acceptance), each with its summary, its documents and their state, and whether the
 * enterprise confirmed it; milestones not yet recorded are named too, so the provider
 * sees what is left. Below, the form for the next milestone, or why there is none.
 */
import {
  awaitingConfirmation,
  type Engagement,
  type LocalizedText,
  MILESTONE_KINDS,
  MILESTONE_NAMES,
  type Milestone,
  nextMilestone,
  SATISFACTION_NAMES,
} from '@sme/core';
import type { FC } from 'hono/jsx';
import { DOCUMENT_STATES } from '../applications/documents-section.js';
import { Bi, beijing, fileSize } from '../shell/text.js';
import { ENGAGEMENT_KIND_NAMES } from '../supervision/engagement-table.js';
import { type FormState, MilestoneForm } from './engagement-forms.js';
import { ReuploadForm } from './engagement-reupload.js';

export const ENGAGEMENT_STATUS_NAMES: Record<Engagement['status'], LocalizedText> = {
  registered: { zh: '待企业确认合同', en: 'Contract awaiting the enterprise' },
  in_progress: { zh: '服务实施中', en: 'In progress' },
  accepted: { zh: '已验收，待企业评价', en: 'Accepted, awaiting the rating' },
  rated: { zh: '已评价', en: 'Rated' },
};

/** Each document with its state; one still pending on an unconfirmed milestone, with a re-upload. */
const Documents: FC<{ base: string; csrf: string; milestone: Milestone }> = ({
  base,
  csrf,
  milestone,
}) =>
  milestone.documents.length === 0 ? (
    <p class="muted">未上传材料。No documents.</p>
  ) : (
    <ul class="files">
      {milestone.documents.map((doc) => {
        const state = DOCUMENT_STATES[doc.status];
        return (
          <li>
            {doc.status === 'verified' ? (
              <a href={`${base}/documents/${doc.documentId}`}>{doc.filename}</a>
            ) : (
              doc.filename
            )}
            （{fileSize(doc.size)}）{' '}
            <span class={`tag ${state.tone}`}>
              {state.zh} <span lang="en">{state.en}</span>
            </span>
            {doc.status === 'pending' && !milestone.confirmedAt && (
              <ReuploadForm base={base} csrf={csrf} doc={doc} />
            )}
          </li>
        );
      })}
    </ul>
  );

const Confirmation: FC<{ milestone: Milestone }> = ({ milestone }) =>
  milestone.confirmedAt ? (
    // The time sits beside the tag, not in it: a tag does not wrap on a phone.
    <>
      <span class="tag ok">
        企业已确认 <span lang="en">Confirmed</span>
      </span>{' '}
      {beijing(milestone.confirmedAt)}（北京时间）
    </>
  ) : (
    <span class="tag warn">
      待企业确认 <span lang="en">Awaiting the enterprise</span>
    </span>
  );

const Milestones: FC<{ base: string; csrf: string; engagement: Engagement }> = ({
  base,
  csrf,
  engagement,
}) => (
  <ol class="cards milestones">
    {MILESTONE_KINDS.map((kind) => {
      const m = engagement.milestones.find((x) => x.kind === kind);
      const name = MILESTONE_NAMES[kind];
      return (
        <li class="card" id={`m-${kind}`}>
          <h3>
            <Bi text={name} />
          </h3>
          {m ? (
            <>
              <p>
                <Confirmation milestone={m} />{' '}
                <span class="muted">登记于 {beijing(m.at)}（北京时间）</span>
              </p>
              <p>{m.summary}</p>
              <Documents base={base} csrf={csrf} milestone={m} />
            </>
          ) : (
            <p class="muted">尚未登记。Not recorded yet.</p>
          )}
        </li>
      );
    })}
  </ol>
);

/** What stands in the next milestone's way: the enterprise's confirmation, or the end. */
function nothingNext(engagement: Engagement): LocalizedText | undefined {
  const waiting = awaitingConfirmation(engagement);
  if (waiting) {
    const name = MILESTONE_NAMES[waiting.kind];
    const unverified = waiting.documents.some((d) => d.status !== 'verified');
    return {
      zh: `「${name.zh}」尚待企业确认，确认后方可登记下一环节${unverified ? '；其材料尚未全部上传校验，企业暂不能确认' : ''}。`,
      en: `${name.en} awaits the enterprise's confirmation${unverified ? '; its documents are not all verified yet' : ''}.`,
    };
  }
  if (!nextMilestone(engagement))
    return {
      zh: '全部环节均已登记并经企业确认。',
      en: 'Every milestone is recorded and confirmed.',
    };
  return undefined;
}

export const EngagementDetail: FC<{
  base: string;
  engagement: Engagement;
  csrf: string;
  form: FormState;
}> = ({ base, engagement: e, csrf, form }) => {
  const kind = ENGAGEMENT_KIND_NAMES[e.kind];
  const next = nextMilestone(e);
  const blocked = nothingNext(e);
  return (
    <>
      <dl class="facts">
        <dt>企业 Enterprise</dt>
        <dd>{e.enterpriseUscc}</dd>
        <dt>服务类型 Kind</dt>
        <dd>
          <Bi text={kind} />
        </dd>
        <dt>合同签订日期 Contract</dt>
        <dd>{e.contractSignedAt}</dd>
        {e.amount !== undefined && (
          <>
            <dt>合同金额 Amount</dt>
            <dd>{e.amount.toLocaleString('zh-CN')} 元</dd>
          </>
        )}
        <dt>状态 Status</dt>
        <dd>
          <Bi text={ENGAGEMENT_STATUS_NAMES[e.status]} />
        </dd>
        {e.rating && (
          <>
            <dt>企业评价 Rating</dt>
            <dd>
              <Bi text={SATISFACTION_NAMES[e.rating.satisfaction]} />：{e.rating.comment}
            </dd>
          </>
        )}
      </dl>
      <section aria-labelledby="milestones-heading">
        <h2 id="milestones-heading">
          服务环节 <span class="en">Milestones</span>
        </h2>
        <Milestones base={base} csrf={csrf} engagement={e} />
      </section>
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">
          登记下一环节 <span class="en">Record the next milestone</span>
        </h2>
        {blocked || !next || next === 'contract' ? (
          <p class={form.problem ? 'notice-box bad' : 'notice-box'} role={form.problem && 'alert'}>
            {form.problem && (
              <>
                {form.problem.zh}{' '}
                <span class="en" lang="en">
                  {form.problem.en}
                </span>
                <br />
              </>
            )}
            {blocked?.zh}{' '}
            <span class="en" lang="en">
              {blocked?.en}
            </span>
          </p>
        ) : (
          <MilestoneForm action={`${base}/milestones`} csrf={csrf} kind={next} form={form} />
        )}
      </section>
    </>
  );
};
