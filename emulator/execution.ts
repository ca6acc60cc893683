import type {ExecutionMode} from './host';
import {CallCounts} from './counts';

/** How an execution started; decides its mode, user and what it may touch. */
export type ExecutionKind =
  | 'editor' // Emulator.call: like Run in the script editor or scripts.run
  | 'sidebar' // google.script.run
  | 'menu'
  | 'simple-trigger'
  | 'installable-trigger'
  | 'time-trigger'
  | 'custom-function';

export interface ExecutionSpec {
  fn: string;
  kind: ExecutionKind;
  mode: ExecutionMode;
  /** Session.getEffectiveUser(): who the code runs as. */
  user: string;
  /** Session.getActiveUser(): '' in time triggers and custom functions. */
  activeUser: string;
  /** The document the execution is bound to; null in time triggers. */
  documentId: string | null;
  triggerUid?: string;
  /** Execution time limit in ms (6 min, or 30 s for custom functions and simple triggers). */
  limitMs: number;
  /** Answers to alerts and prompts, consumed in order. */
  answers?: readonly string[];
  counts: CallCounts;
}

/** One run of the script: a fresh context, a mode, a user, a time limit. */
export class Execution {
  readonly answers: string[];
  /** Lock scopes this execution holds; released when it ends. */
  readonly locks = new Set<string>();

  constructor(readonly spec: ExecutionSpec) {
    this.answers = [...(spec.answers ?? [])];
  }

  get mode(): ExecutionMode {
    return this.spec.mode;
  }

  get inTimeTrigger(): boolean {
    return this.spec.kind === 'time-trigger';
  }
}
