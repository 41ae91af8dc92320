/**
 * What people call an application's status: the names a page or a refusal shows,
 * never the stored code.
 */
import { listsPilots } from '../tenant/pilots.js';
import type { Program } from '../tenant/program.schema.js';
import type { ApplicationStatus } from './application.js';

export const STATUS_NAMES: Record<ApplicationStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  submitted: { zh: '已提交', en: 'submitted' },
  in_review: { zh: '审核中', en: 'in review' },
  returned: { zh: '退回修改', en: 'returned for correction' },
  publicity: { zh: '公示中', en: 'in publicity' },
  listed: { zh: '已入库', en: 'listed' },
  rejected: { zh: '未通过', en: 'rejected' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** A pilot enterprise listed is one of the city's pilots, not in the provider pool. */
const PILOT_LISTED = { zh: '已列入试点企业名单', en: 'listed as a pilot enterprise' };

/**
 * The name of a status, in the words of the application's program when it is given (a
 * pilot enterprise's `listed`); a code this version does not know is shown as it is.
 */
export function statusName(
  status: string,
  program?: Pick<Program, 'kind'>,
): { zh: string; en: string } {
  if (status === 'listed' && program && listsPilots(program)) return PILOT_LISTED;
  return STATUS_NAMES[status as ApplicationStatus] ?? { zh: status, en: status };
}
