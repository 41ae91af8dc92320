/**
 * How applications lie in the table, for the case repository: the application's item,
 * its counters by program and by category, and the records of it its organization and
 * its family keep, moved in step with every change.
 */
import type { Application } from '@sme/core';
import { isLive } from '@sme/core';
import { counterMove } from '../cases/case-counters.js';
import type { CaseLayout } from '../cases/case-layout.js';
import type { TenantContext } from '../table/keys.js';
import type { TransactOp } from '../table/transaction.js';
import {
  applicationItem,
  familyItem,
  familyPk,
  orgApplicationItem,
  orgPk,
  programAppSk,
  toApplication,
} from './application-items.js';

/** Whether the application stands in its family's view: submitted once, not given up. */
const inFamily = (app: Application) => app.status !== 'draft' && isLive(app.status);

/** Keeps the organization's and the family's records of the application in step. */
function listingOps(ctx: TenantContext, previous: Application | null, next: Application) {
  const ops: TransactOp[] = [];
  if (!previous) return [{ put: orgApplicationItem(ctx, next) }];
  if (!isLive(next.status)) {
    ops.push({ delete: { pk: orgPk(ctx, next.org.uscc), sk: programAppSk(next) } });
  } else if (previous.status !== next.status || previous.track !== next.track) {
    ops.push({ put: orgApplicationItem(ctx, next) });
  }
  if (inFamily(next) && (!inFamily(previous) || previous.track !== next.track)) {
    ops.push({ put: familyItem(ctx, next) });
  } else if (inFamily(previous) && !inFamily(next)) {
    ops.push({ delete: { pk: familyPk(ctx, previous.entityUscc), sk: programAppSk(previous) } });
  }
  return ops;
}

/** Applications without a category count under this key. */
export const NO_CATEGORY = '-';

/**
 * The counter by program and category (`C#<program>#<category>`), beside the case's own
 * by program: a category can change while the application is a draft, so a change
 * moves it between category counters as well as between statuses.
 */
function categoryCounter(app: Application) {
  const category = app.category ?? NO_CATEGORY;
  return {
    sk: `C#${app.programId}#${category}`,
    attributes: { programId: app.programId, category },
    status: app.status,
  };
}

/** How applications lie in the table, for the case repository. */
export const APPLICATION_LAYOUT: CaseLayout<Application> = {
  kind: 'application',
  item: (ctx, app, decoration) =>
    applicationItem(ctx, app, (decoration?.flags as unknown[] | undefined) ?? []),
  fromItem: toApplication,
  counter: (app) => ({ sk: `P#${app.programId}`, attributes: { programId: app.programId } }),
  changeOps: (ctx, previous, next) => [
    ...listingOps(ctx, previous, next),
    ...counterMove(ctx, next.id, previous && categoryCounter(previous), categoryCounter(next)),
  ],
};
