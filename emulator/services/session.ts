import {createHash} from 'node:crypto';
import {AUTHORIZATION_REQUIRED} from '../auth';
import {exception} from '../exception';
import {SERVICE_NAME} from '../realm';
import type {ServiceContext} from './context';

export class User {
  readonly [SERVICE_NAME] = 'User';

  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
}

/**
 * `Session`. Who the code runs as depends on how it started:
 * - installable triggers run as the user who created them, and in a
 *   time-driven trigger `getActiveUser()` is '' (PLATFORM.md: only the
 *   effective user is reliable there);
 * - custom functions run anonymously: both users read as '';
 * - under AuthMode.NONE identity needs authorization.
 */
export class Session {
  readonly [SERVICE_NAME] = 'Session';

  constructor(private readonly ctx: ServiceContext) {}

  getActiveUser(): User {
    const execution = this.identity();
    return new User(
      execution.mode === 'CUSTOM_FUNCTION' ? '' : execution.spec.activeUser,
    );
  }

  getEffectiveUser(): User {
    const execution = this.identity();
    return new User(
      execution.mode === 'CUSTOM_FUNCTION' ? '' : execution.spec.user,
    );
  }

  getScriptTimeZone(): string {
    return this.ctx.scriptTimeZone();
  }

  getActiveUserLocale(): string {
    return 'en';
  }

  /** Stable per user and script, and not the address itself. */
  getTemporaryActiveUserKey(): string {
    const user = this.identity().spec.user;
    return createHash('sha256')
      .update(`${this.ctx.scriptId}:${user}`)
      .digest('base64')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 43);
  }

  private identity() {
    const execution = this.ctx.execution();
    if (execution.mode === 'NONE') throw exception(AUTHORIZATION_REQUIRED);
    return execution;
  }
}
