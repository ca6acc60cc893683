import {exception} from '../exception';
import {SERVICE_NAME} from '../realm';
import type {ServiceContext} from './context';

export type LockScope = 'document' | 'script' | 'user';

/** The key one lock is known by: the same for every execution that asks for it. */
export function lockKey(scope: LockScope, owner: string): string {
  return scope === 'script' ? 'script' : `${scope}:${owner}`;
}

const LOCK_TIMEOUT =
  'Lock timeout: another process was holding the lock for too long.';

/**
 * `LockService`. Executions here run one at a time, so contention comes
 * from outside: Emulator.holdLock() plays "another execution holds it"
 * until a given time. Waiting advances the emulated clock.
 * getDocumentLock() is null where there is no document (time triggers).
 */
export class LockService {
  readonly [SERVICE_NAME] = 'LockService';

  constructor(private readonly ctx: ServiceContext) {}

  getDocumentLock(): Lock | null {
    this.ctx.require('lock', 'LockService.getDocumentLock');
    const documentId = this.ctx.execution().spec.documentId;
    return documentId === null
      ? null
      : new Lock(this.ctx, lockKey('document', documentId));
  }

  getScriptLock(): Lock {
    this.ctx.require('lock', 'LockService.getScriptLock');
    return new Lock(this.ctx, lockKey('script', ''));
  }

  getUserLock(): Lock {
    this.ctx.require('lock', 'LockService.getUserLock');
    return new Lock(this.ctx, lockKey('user', this.ctx.execution().spec.user));
  }
}

export class Lock {
  readonly [SERVICE_NAME] = 'Lock';

  constructor(
    private readonly ctx: ServiceContext,
    private readonly key: string,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    const execution = this.ctx.execution();
    if (execution.locks.has(this.key)) return true;
    const releasedAt = this.ctx.foreignLocks.get(this.key);
    if (releasedAt !== undefined) {
      const wait = releasedAt - this.ctx.clock.nowMs();
      if (wait > Math.max(0, timeoutInMillis)) {
        this.ctx.clock.sleep(Math.max(0, timeoutInMillis));
        this.ctx.checkTimeLimit();
        return false;
      }
      if (wait > 0) this.ctx.clock.sleep(wait);
      this.ctx.foreignLocks.delete(this.key);
    }
    execution.locks.add(this.key);
    return true;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw exception(LOCK_TIMEOUT);
  }

  releaseLock(): void {
    this.ctx.execution().locks.delete(this.key);
  }

  hasLock(): boolean {
    return this.ctx.execution().locks.has(this.key);
  }
}
