/**
 * The part of the Amazon States Language the compiler emits.
 * @see https://states-language.net/spec.html
 */

export interface TaskState {
  Type: 'Task';
  Comment?: string;
  Resource: string;
  Parameters: Record<string, unknown>;
  ResultSelector?: Record<string, string>;
  ResultPath: string;
  TimeoutSeconds?: number;
  HeartbeatSeconds?: number;
  Retry?: {
    ErrorEquals: string[];
    IntervalSeconds: number;
    MaxAttempts: number;
    BackoffRate: number;
  }[];
  Next: string;
}

export interface ChoiceState {
  Type: 'Choice';
  Comment?: string;
  Choices: { Variable: string; StringEquals: string; Next: string }[];
  Default: string;
}

export interface SucceedState {
  Type: 'Succeed';
  Comment?: string;
}

export interface FailState {
  Type: 'Fail';
  Comment?: string;
  Error: string;
  Cause: string;
}

export type State = TaskState | ChoiceState | SucceedState | FailState;

export interface StateMachineDefinition {
  Comment: string;
  StartAt: string;
  States: Record<string, State>;
}
