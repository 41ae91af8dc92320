/**
 * A member of a tenant's pool (API.md "Supervision"): the organization a listing made a
 * member, with the status supervision gives it. The member is a case (kind `member`,
 * id its USCC) whose history records every supervision change, whichever case caused it.
 */
import { type CaseState, defineCaseKind } from '../case/case.js';

export const MEMBER_STATUSES = ['active', 'rectifying', 'suspended', 'removed'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/**
 * A status may follow itself: a second order while rectifying changes what the member
 * owes, not its status, and is still an event in its history.
 */
export const memberKind = defineCaseKind<MemberStatus>({
  name: 'member',
  transitions: {
    active: ['active', 'rectifying', 'suspended', 'removed'],
    rectifying: ['rectifying', 'active', 'suspended', 'removed'],
    suspended: ['suspended', 'active', 'rectifying', 'removed'],
    // An upheld appeal restores what the disqualification changed; one against an
    // order or a grade of a removed member is still an event in its history.
    removed: ['removed', 'active', 'rectifying', 'suspended'],
  },
});

export interface Member extends CaseState<MemberStatus> {
  uscc: string;
  name: string;
  region?: string;
  /** The programs the member is listed in. */
  programs: string[];
  listedAt: string;
  /** Rectification orders not yet accepted (open, reported, or failed and undecided). */
  openOrders: string[];
  /** Orders issued and not annulled on appeal: what a rule's `maxRectifications` counts. */
  orderCount: number;
  /** The disqualification that removed the member, while it stands. */
  removedBy?: string | undefined;
}

/**
 * The status a member is shown with. `suspended` is never written: it is what a
 * province-wide ban in force (the blacklist of seed 001 §五(一), imposed by any city's
 * banning disqualification or by the province) makes of a member that another city has
 * not removed. Its listings leave that city's pool while the ban holds and come back by
 * themselves when it lapses or an appeal lifts it; whether to remove it too is that
 * city's own decision (the three-level linkage of 001 §五(四) is a warning to the city,
 * not a removal on another's behalf). Platform reading: no notice names suspension.
 */
export function shownStatus(stored: MemberStatus, banned: boolean): MemberStatus {
  if (stored === 'removed') return 'removed';
  return banned ? 'suspended' : stored;
}

/** The status a member's open orders give it, unless it was removed or suspended. */
export function statusForOrders(member: Pick<Member, 'status'>, openOrders: readonly string[]) {
  if (member.status === 'removed' || member.status === 'suspended') return member.status;
  return openOrders.length > 0 ? 'rectifying' : 'active';
}

export const MEMBER_STATUS_NAMES: Record<MemberStatus, { zh: string; en: string }> = {
  active: { zh: '正常', en: 'Active' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  suspended: { zh: '暂停', en: 'Suspended' },
  removed: { zh: '已取消资格', en: 'Removed' },
};
