/**
 * What a kind of review stage is, in one place per kind (`stages/<kind>/`): whether it
 * waits for people, the outcomes its route allows, who acts and in which status the
 * application waits, when a person may decide, what the public catalogue shows, and,
 * for a kind that decides at once, how it decides from the facts the platform
 * gathers. The compiler, the stage handler, the decision and the catalogue all read
 * the kind from `STAGE_KINDS`; none of them switches on it.
 */
import type {
  Application,
  ApplicationDocument,
  ApplicationStatus,
} from '../application/application.js';
import type { Region } from '../tenant/catalogue.schema.js';
import type { Program } from '../tenant/program.schema.js';
import type { Stage } from '../tenant/stage.schema.js';

/** What a person or a stage decides. */
export type Outcome = 'pass' | 'return' | 'reject';

/** Who acts at a stage: a role, and for a district's review the district. */
export interface StageActor {
  role: string;
  region?: string;
}

/** What a stage that decides at once may ask about the application (ports the platform fills). */
export interface StageFacts {
  app: Application;
  documents: readonly ApplicationDocument[];
  program: Program;
  region: Region | undefined;
  now: Date;
  /** A ban in force on the applicant or a parent it declares, if one is. */
  ban(): Promise<{ reason: string } | undefined>;
  /** The applicant's own other applications in the program (submitted ones). */
  ownApplications(): Promise<{ id: string; track?: string | undefined }[]>;
  /** Submitted applications of organizations declaring the same root entity. */
  familyApplications(): Promise<{ id: string }[]>;
}

/** A decision taken at once, and where it leaves the application. */
export interface AutomaticDecision {
  outcome: Outcome;
  status: ApplicationStatus;
  /** Where the application stands afterwards; absent once review has ended. */
  atStage: boolean;
  reason: string;
  /** The application enters the pool. */
  listed?: true;
}

export interface StageKind<S extends Stage = Stage> {
  /** Waits for people at a callback task, or decides at once when reached. */
  readonly waits: boolean;
  /** The statuses the application may be found in when the stage is reached. */
  readonly enteredFrom: readonly ApplicationStatus[];
  /** The status it waits in at this stage (a waiting kind). */
  readonly awaited: ApplicationStatus;
  /** The status a pass leaves it in. */
  readonly passed: ApplicationStatus;
  /** The outcomes its route allows. */
  outcomes(stage: S): readonly Outcome[];
  /** Who acts at the stage for this application. */
  actor(stage: S, region: Region | undefined, app: Pick<Application, 'org'>): StageActor;
  /** Whether a person may decide its open task now. */
  decidable(task: { ready?: boolean | undefined }): boolean;
  /** What the public catalogue shows of the stage. */
  view(stage: S): StageView;
  /** For a kind that decides at once: its decision. */
  decide?(stage: S, facts: StageFacts): Promise<AutomaticDecision>;
}

/** The fields every stage shows. */
export const stageBase = (stage: Stage) => ({ id: stage.id, kind: stage.kind, name: stage.name });

/** What the catalogue shows of a stage: the fields every stage has, and its kind's own. */
export type StageView = ReturnType<typeof stageBase> & Record<string, unknown>;
