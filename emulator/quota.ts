/** How much of one daily quota has been used, and since when. */
export interface QuotaWindow {
  used: number;
  /** Emulated ms of the first use in this window. */
  since: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Per-user daily quotas (mail recipients, UrlFetch calls, trigger runtime).
 * Apps Script resets a quota 24 h after its first use, not at midnight
 * (PLATFORM.md), so each quota keeps its own window.
 */
export class DailyQuotas {
  constructor(private readonly windows: Record<string, QuotaWindow>) {}

  used(key: string, nowMs: number): number {
    return this.window(key, nowMs)?.used ?? 0;
  }

  remaining(key: string, limit: number, nowMs: number): number {
    return Math.max(0, limit - this.used(key, nowMs));
  }

  take(key: string, amount: number, nowMs: number): void {
    const window = this.window(key, nowMs);
    if (window) window.used += amount;
    else this.windows[key] = {used: amount, since: nowMs};
  }

  private window(key: string, nowMs: number): QuotaWindow | undefined {
    const window = this.windows[key];
    if (window && nowMs - window.since >= DAY_MS) {
      delete this.windows[key];
      return undefined;
    }
    return window;
  }
}
