import {performance} from 'node:perf_hooks';
import {EmulatorUsageError} from './exception';

/** Accepts a Date or anything `new Date()` parses; refuses what it cannot. */
export function toDate(value: Date | string | number): Date {
  const date =
    value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new EmulatorUsageError(`Not a date: ${String(value)}`);
  }
  return date;
}

/**
 * The emulated clock. Between executions it stands still, so scenarios are
 * reproducible; during an execution it flows with real time (elapsed-time
 * checks in scripts keep working) plus whatever `Utilities.sleep` asked for,
 * which advances it instead of blocking. When an execution ends the clock
 * keeps the time it spent, so time never runs backwards between executions.
 */
export class Clock {
  private baseMs: number;
  private run: {startedAt: number; sleptMs: number} | null = null;

  constructor(start: Date) {
    this.baseMs = start.getTime();
  }

  nowMs(): number {
    if (!this.run) return this.baseMs;
    return (
      this.baseMs + (performance.now() - this.run.startedAt) + this.run.sleptMs
    );
  }

  now(): Date {
    return new Date(Math.floor(this.nowMs()));
  }

  set(date: Date): void {
    this.baseMs = date.getTime();
    if (this.run) this.run = {startedAt: performance.now(), sleptMs: 0};
  }

  /** Starts timing one execution. */
  begin(): void {
    if (this.run)
      throw new EmulatorUsageError('An execution is already running.');
    this.run = {startedAt: performance.now(), sleptMs: 0};
  }

  /** Ends the execution; the clock keeps the time it spent. Returns that time. */
  end(): number {
    const elapsed = this.elapsedMs();
    this.baseMs += elapsed;
    this.run = null;
    return elapsed;
  }

  /** Emulated time spent by the running execution (real time plus sleeps). */
  elapsedMs(): number {
    if (!this.run) return 0;
    return performance.now() - this.run.startedAt + this.run.sleptMs;
  }

  /** `Utilities.sleep`: the emulated time moves, the process does not wait. */
  sleep(ms: number): void {
    if (this.run) this.run.sleptMs += ms;
    else this.baseMs += ms;
  }

  /** Moves the clock forward (e.g. "the next morning") between executions. */
  advance(ms: number): void {
    this.baseMs += ms;
  }
}
