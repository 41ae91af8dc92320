/**
 * Where a listing goes, written in the transaction that moves the application to
 * `listed`: a pilot enterprise among the tenant's pilots, never in the pool nor among its
 * members (`listsPilots`); a provider in the pool, with the reinstatement of a member
 * removed before it (`relistingOps`).
 */
import {
  type Actor,
  type Application,
  listsPilots,
  PILOT_NEEDS_FIELD,
  type Program,
} from '@sme/core';
import type {
  ChangeExtras,
  PilotEntry,
  PilotRepository,
  SupervisionRepository,
  TenantContext,
} from '@sme/store';
import { entryOf } from '../publicity/entry-of.js';
import { relistingOps } from '../supervision/members.js';

/** The pilots' entry of a pilot enterprise being listed: who it is, and its needs. */
function pilotEntryOf(app: Application, now: Date): PilotEntry {
  return {
    applicationId: app.id,
    uscc: app.org.uscc,
    orgName: app.org.name,
    ...(app.org.region && { region: app.org.region }),
    programId: app.programId,
    listedAt: now.toISOString(),
    needs: String(app.fields[PILOT_NEEDS_FIELD] ?? ''),
  };
}

/** What the listing of `app` writes besides the application and its event. */
export async function listingExtras(
  deps: { pilots: PilotRepository; supervision: SupervisionRepository },
  ctx: TenantContext,
  program: Program,
  app: Application,
  actor: Actor,
  now: Date,
): Promise<Pick<ChangeExtras, 'poolEntry' | 'ops'>> {
  if (listsPilots(program)) return { ops: [deps.pilots.listingOp(ctx, pilotEntryOf(app, now))] };
  const poolEntry = { ...entryOf(app), programId: app.programId, listedAt: now.toISOString() };
  const ops = await relistingOps(deps.supervision, ctx, poolEntry, actor, now);
  return { poolEntry, ops };
}
