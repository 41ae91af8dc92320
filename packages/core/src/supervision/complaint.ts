/**
 * Complaints (投诉) of an enterprise about a member, on a ground the tenant's `complaint`
 * rule lists, and spot checks (抽查) of a member by the role the `spot-check` rule
 * names. Both are cases listed under the member, with their own history.
 */
import { type CaseState, defineCaseKind } from '../case/case.js';
import type { MemberCase } from './supervision-cases.js';

/**
 * `open` while the provider may reply (until `replyDueAt`); `replied`, or
 * `reply_overdue` when the clock passed it first; then the supervisor resolves it.
 * An upheld complaint the member appeals successfully is `annulled`.
 */
export const COMPLAINT_STATUSES = [
  'open',
  'replied',
  'reply_overdue',
  'upheld',
  'dismissed',
  'annulled',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const complaintKind = defineCaseKind<ComplaintStatus>({
  name: 'complaint',
  transitions: {
    open: ['replied', 'reply_overdue'],
    replied: ['upheld', 'dismissed'],
    reply_overdue: ['upheld', 'dismissed'],
    upheld: ['annulled'],
    dismissed: [],
    annulled: [],
  },
});

export interface Complaint extends MemberCase<ComplaintStatus> {
  /** The enterprise that complains (`detail` holds its description). */
  enterpriseUscc: string;
  engagementId?: string;
  /** The exclusive instant by which the provider may reply: 24:00 Beijing time. */
  replyDueAt: string;
  reply?: { text: string; at: string; by: string };
  resolution?: {
    upheld: boolean;
    comment: string;
    at: string;
    by: string;
    /** The rectification ordered with it. */
    rectificationId?: string;
  };
  /** The upheld appeal that annulled it. */
  annulled?: { appealId: string; at: string };
}

export const SPOT_CHECK_METHODS = ['phone', 'ledger', 'site'] as const;
export type SpotCheckMethod = (typeof SPOT_CHECK_METHODS)[number];

/** 001 §五(二): 查阅服务台账、电话回访、实地查验. */
export const SPOT_CHECK_METHOD_NAMES: Record<SpotCheckMethod, { zh: string; en: string }> = {
  phone: { zh: '电话回访', en: 'Phone follow-up' },
  ledger: { zh: '查阅服务台账', en: 'Ledger review' },
  site: { zh: '实地查验', en: 'Site visit' },
};

/** A spot check is a record: written once, never changed. */
export const spotCheckKind = defineCaseKind<'recorded'>({
  name: 'spot_check',
  transitions: { recorded: [] },
});

export interface SpotCheck extends CaseState<'recorded'> {
  uscc: string;
  /** The `spot-check` rule under which it was made. */
  rule: string;
  method: SpotCheckMethod;
  findings: string;
  engagementId?: string;
  createdBy: string;
}
