/**
 * The supervision cases a member can have, each a kind on the case kernel with its own
 * history: a rectification order (限期整改), a disqualification (取消资格) and an appeal
 * (申诉). They name their member by USCC; the member's own history records what each
 * one did to it.
 */
import { type CaseState, defineCaseKind } from '../case/case.js';

/** What every supervision case of a member carries. */
export interface MemberCase<S extends string> extends CaseState<S> {
  uscc: string;
  /** The member's name when the case was opened, for lists that show many members. */
  name?: string;
  /** The rule of the tenant the case applies, and the ground it names. */
  rule: string;
  ground: string;
  detail: string;
  createdBy: string;
}

export const RECTIFICATION_STATUSES = [
  'open',
  'reported',
  'accepted',
  'rejected',
  'overdue',
  'annulled',
] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const rectificationKind = defineCaseKind<RectificationStatus>({
  name: 'rectification',
  transitions: {
    open: ['reported', 'overdue', 'annulled'],
    reported: ['accepted', 'rejected', 'annulled'],
    accepted: ['annulled'],
    rejected: ['annulled'],
    overdue: ['annulled'],
    annulled: [],
  },
});

export interface Rectification extends MemberCase<RectificationStatus> {
  /** The exclusive instant by which the member reports: 24:00 Beijing time of the last day. */
  dueAt: string;
  report?: { text: string; at: string; by: string };
  decision?: { outcome: 'accepted' | 'rejected'; comment: string; at: string; by: string };
}

export const DISQUALIFICATION_STATUSES = ['in_force', 'annulled'] as const;
export type DisqualificationStatus = (typeof DISQUALIFICATION_STATUSES)[number];

export const disqualificationKind = defineCaseKind<DisqualificationStatus>({
  name: 'disqualification',
  transitions: { in_force: ['annulled'], annulled: [] },
});

export interface Disqualification extends MemberCase<DisqualificationStatus> {
  /** The member's status before: what an upheld appeal restores. */
  previousStatus: string;
  /** Published as a public notice (the rule's `publicNotice`). */
  published: boolean;
  /** The province-wide ban that followed, with the rule that set its period. */
  ban?: { id: string; rule: string; until: string };
}

export const APPEAL_STATUSES = ['open', 'upheld', 'dismissed'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];

export const appealKind = defineCaseKind<AppealStatus>({
  name: 'appeal',
  transitions: { open: ['upheld', 'dismissed'], upheld: [], dismissed: [] },
});

/**
 * What an appeal may be against: an order, a disqualification, a member's published
 * evaluation (its id `<year>-<uscc>`), or an upheld complaint.
 */
export const APPEAL_SUBJECT_KINDS = [
  'rectification',
  'disqualification',
  'evaluation',
  'complaint',
] as const;
export type AppealSubjectKind = (typeof APPEAL_SUBJECT_KINDS)[number];

export interface Appeal extends MemberCase<AppealStatus> {
  subject: { kind: AppealSubjectKind; id: string };
  decision?: { upheld: boolean; comment: string; at: string; by: string };
}
