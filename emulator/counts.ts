/**
 * Service call counts, keyed like 'Range.getValues' or 'MailApp.sendEmail':
 * what a benchmark reads to show how many round trips an operation costs.
 */
export class CallCounts {
  readonly byMethod: Record<string, number> = {};

  add(method: string): void {
    this.byMethod[method] = (this.byMethod[method] ?? 0) + 1;
  }

  reset(): void {
    for (const key of Object.keys(this.byMethod)) delete this.byMethod[key];
  }

  total(): number {
    return Object.values(this.byMethod).reduce((sum, n) => sum + n, 0);
  }
}
