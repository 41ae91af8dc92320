/**
 * The one place services are wired. Every host (the local stack, the Lambda functions,
 * the tests) calls `createPlatform` with its adapters (the table, the documents bucket,
 * the clock, the review engine) and gets every use case, built on the same
 * repositories. The engine comes as a factory because it needs what the platform
 * builds (the hand-offs' repository, the stage handler), and the platform needs the
 * engine to release waiting tasks.
 */
import { randomUUID } from 'node:crypto';
import type { Clock, ResolvedTenant } from '@sme/core';
import {
  ApplicationRepository,
  BanRepository,
  DocumentReadLog,
  type DocumentStore,
  EnterpriseRepository,
  EvaluationRepository,
  ExpertRepository,
  InboxRepository,
  NoticeRepository,
  OrganizationRepository,
  PanelRepository,
  PilotRepository,
  ReviewOutbox,
  Standings,
  SupervisionRepository,
  TaskRepository,
  type TenantTable,
  TimerRepository,
} from '@sme/store';
import type { StageHandler } from '@sme/workflow';
import { ApplicationCommands } from './applications/application-commands.js';
import { ApplicationQueries } from './applications/application-queries.js';
import { ApplicationTable } from './applications/application-table.js';
import { DocumentCommands } from './applications/document-commands.js';
import { DocumentReads } from './applications/document-reads.js';
import type { Services } from './applications/services.js';
import { Submission } from './applications/submission.js';
import { type Backoff, systemBackoff } from './cases/backoff.js';
import { TimerRunner } from './cases/timer-runner.js';
import { EnterpriseFiles } from './enterprises/enterprise-file.js';
import { EnterpriseProfiles } from './enterprises/enterprise-profiles.js';
import { Matchmaking } from './enterprises/matchmaking.js';
import { ExpertPool } from './experts/expert-pool.js';
import { ExportQueries } from './exports/export-queries.js';
import { BanCommands } from './organizations/ban-commands.js';
import { OrganizationCommands } from './organizations/organization-commands.js';
import { PilotQueries } from './pilots/pilot-queries.js';
import { ProvinceQueries } from './province/province-stats.js';
import { Objections } from './publicity/objections.js';
import { Publicity } from './publicity/publicity.js';
import { PublicityQueries } from './publicity/publicity-queries.js';
import { ReviewCommands } from './review/decision-commands.js';
import { PanelCommands } from './review/panel-commands.js';
import { PanelView } from './review/panel-view.js';
import { RankingQueries } from './review/ranking.js';
import { RankingDecision } from './review/ranking-decision.js';
import { ReviewDesk } from './review/review-desk.js';
import { ReviewStageHandler } from './review/review-stage-handler.js';
import { type ReviewEngine, timerJobs } from './review/timer-jobs.js';
import { createSupervision } from './supervision/index.js';
import { TenantRegistry } from './tenancy/tenant-registry.js';

/** What an engine is built from: what the platform has built. */
export interface EngineParts {
  tenants: ReadonlyMap<string, ResolvedTenant>;
  apps: ApplicationRepository;
  /** Review's outbox: the hand-offs an engine takes up. */
  outbox: ReviewOutbox;
  clock: Clock;
  /** What each stage does to an application. */
  stages: StageHandler;
}

export interface PlatformAdapters<E extends ReviewEngine> {
  /** Every tenant, resolved at build or start time. */
  tenants: readonly ResolvedTenant[];
  table: TenantTable;
  documents: DocumentStore;
  clock: Clock;
  /** The review engine (local executor, or Step Functions), built from the platform's parts. */
  engine: (parts: EngineParts) => E;
  /** New ids for applications, documents, notices. @default crypto.randomUUID */
  newId?: () => string;
  /** How writes that met other writes wait before retrying. @default random waits on timers */
  backoff?: Backoff;
}

export function createPlatform<E extends ReviewEngine>(adapters: PlatformAdapters<E>) {
  const { table, clock } = adapters;
  const tenants = new TenantRegistry(adapters.tenants);
  const byId = new Map(adapters.tenants.map((t) => [t.id, t]));
  const repositories = {
    apps: new ApplicationRepository(table),
    reviewOutbox: new ReviewOutbox(table),
    orgs: new OrganizationRepository(table),
    bans: new BanRepository(table),
    standings: new Standings(table),
    tasks: new TaskRepository(table),
    panels: new PanelRepository(table),
    experts: new ExpertRepository(table),
    notices: new NoticeRepository(table),
    pilots: new PilotRepository(table),
    enterprises: new EnterpriseRepository(table),
    reads: new DocumentReadLog(table),
    supervision: new SupervisionRepository(table),
    evaluations: new EvaluationRepository(table),
    inbox: new InboxRepository(table),
  };
  const stages = new ReviewStageHandler({ tenants: byId, ...repositories, clock });
  const engine = adapters.engine({
    tenants: byId,
    apps: repositories.apps,
    outbox: repositories.reviewOutbox,
    clock,
    stages,
  });
  const services: Services = {
    ...repositories,
    documents: adapters.documents,
    releaser: engine,
    clock,
    backoff: adapters.backoff ?? systemBackoff,
    newId: adapters.newId ?? randomUUID,
  };
  const publicity = new Publicity({ ...services, tenants: byId });
  const publicityQueries = new PublicityQueries(
    { ...services, supervision: repositories.supervision },
    tenants,
  );
  const review = new ReviewCommands(services);
  // Each kind of case registers what its deadlines do.
  const timers = new TimerRunner(new TimerRepository(table), clock);
  const supervision = createSupervision(
    {
      ...services,
      supervision: repositories.supervision,
      evaluations: repositories.evaluations,
      inbox: repositories.inbox,
    },
    byId,
    timers,
    tenants,
  );
  return {
    tenants,
    clock,
    repositories,
    engine,
    /** What each review stage does; the Lambda stage task calls it directly. */
    stages,
    applications: new ApplicationCommands(services),
    submission: new Submission(services),
    queries: new ApplicationQueries(services),
    applicationTable: new ApplicationTable(services),
    documents: new DocumentCommands(services),
    documentReads: new DocumentReads(services),
    organizations: new OrganizationCommands(services),
    bans: new BanCommands(services),
    experts: new ExpertPool(services),
    review,
    /** What the staff pages read: the work queue with names, one application with what the caller may do. */
    reviewDesk: new ReviewDesk(services, review),
    panels: new PanelCommands(services),
    panelView: new PanelView(services),
    ranking: new RankingQueries(services),
    rankingDecision: new RankingDecision(services),
    publicity,
    objections: new Objections({ ...services, tenants: byId }, publicity),
    publicityQueries,
    /** The pilot enterprises listed (API.md `GET /pilots`), never in the provider pool. */
    pilots: new PilotQueries(repositories.pilots, tenants, publicityQueries),
    /** An enterprise's own profile and needs (API.md \`PUT /enterprises/{uscc}\`). */
    enterpriseProfiles: new EnterpriseProfiles({
      ...repositories,
      clock,
      backoff: services.backoff,
    }),
    /** One file per enterprise (一企一档). */
    enterpriseFiles: new EnterpriseFiles({ ...repositories, engagements: supervision.engagements }),
    /** Members ranked for an enterprise's needs, with the reasons (API.md \`GET /matches\`). */
    matchmaking: new Matchmaking({
      ...repositories,
      publicity: publicityQueries,
      registry: tenants,
    }),
    /** Members of the pool and what supervision does to them (API.md "Supervision"). */
    supervision,
    province: new ProvinceQueries(services, tenants),
    /** The tables officials download (Excel, CSV). */
    exports: new ExportQueries(services),
    timers,
    /** What every timer tick runs, on every runtime. */
    timerJobs: timerJobs({
      review: engine,
      publicity,
      timers,
      tenants: byId,
      outbox: repositories.reviewOutbox,
      clock,
    }),
  };
}

export type Platform<E extends ReviewEngine = ReviewEngine> = ReturnType<typeof createPlatform<E>>;
