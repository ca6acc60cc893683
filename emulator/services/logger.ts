import {SERVICE_NAME} from '../realm';
import type {LogLevel, ServiceContext} from './context';
import {formatString, stringOf} from './printf';
import {format} from 'node:util';

/** `Logger`: lines go to the emulator's log (Emulator.logs). */
export class Logger {
  readonly [SERVICE_NAME] = 'Logger';
  private lines: string[] = [];

  constructor(private readonly ctx: ServiceContext) {}

  log(data: unknown, ...values: unknown[]): Logger {
    const message =
      values.length > 0 && typeof data === 'string'
        ? formatString(data, values)
        : stringOf(data);
    this.lines.push(message);
    this.ctx.log('log', message);
    return this;
  }

  getLog(): string {
    return this.lines.map(line => line + '\n').join('');
  }

  clear(): void {
    this.lines = [];
  }
}

/**
 * `console` as Apps Script's V8 runtime has it (Cloud Logging): each level
 * lands in the emulator's log. Formatting follows Node's console
 * (`%s`, objects inspected), as V8's does.
 */
export class Console {
  readonly [SERVICE_NAME] = 'console';
  private readonly timers = new Map<string, number>();

  constructor(private readonly ctx: ServiceContext) {}

  log(...args: unknown[]): void {
    this.write('log', args);
  }

  info(...args: unknown[]): void {
    this.write('info', args);
  }

  warn(...args: unknown[]): void {
    this.write('warn', args);
  }

  error(...args: unknown[]): void {
    this.write('error', args);
  }

  debug(...args: unknown[]): void {
    this.write('debug', args);
  }

  time(label = 'default'): void {
    this.timers.set(label, this.ctx.clock.nowMs());
  }

  timeEnd(label = 'default'): void {
    const start = this.timers.get(label);
    if (start === undefined) return;
    this.timers.delete(label);
    this.write('log', [
      `${label}: ${Math.round(this.ctx.clock.nowMs() - start)}ms`,
    ]);
  }

  private write(level: LogLevel, args: unknown[]): void {
    this.ctx.log(level, format(...args));
  }
}
