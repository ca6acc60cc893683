import {FormulaCall, FormulaCell, parseFormulaCall} from './sheets';

/**
 * A stable text for argument values, so "did the arguments change since
 * last time" is a string comparison (Dates by their instant).
 */
export function argumentsSignature(formula: string, values: unknown[]): string {
  return (
    formula +
    '\u0000' +
    JSON.stringify(
      values,
      function (this: Record<string, unknown>, key: string, value: unknown) {
        const raw = this[key];
        return raw instanceof Date ? {$date: raw.getTime()} : value;
      },
    )
  );
}

/** What the recompute needs from the spreadsheet (the sheets formula helpers). */
export interface FormulaDocument {
  formulaCells(): FormulaCell[];
  /** A reference's values as a custom function receives them: a value, or a 2-D array for a range. */
  argument(ref: {sheet: string | null; a1: string}, fromSheet: string): unknown;
  /** Writes a return value into the cell, spilling blocks (#REF! when it cannot). */
  writeResult(cell: FormulaCell, result: unknown): void;
  writeError(cell: FormulaCell, message: string): void;
}

/** The part of the runtime the recompute drives. */
export interface CustomFunctionHost {
  bundle(): {
    entryPoints: ReadonlyMap<string, unknown>;
    isPublicEntryPoint(name: string): boolean;
  };
  runCustomFunction(
    fn: string,
    args: unknown[],
  ): {ok: true; value: unknown} | {ok: false; error: string};
}

/** Chains (a custom function reading another's result) settle within this many passes. */
const MAX_PASSES = 10;

/**
 * Keeps custom-function formulas computed the way Sheets does: a formula
 * that is a single call to a project function is recomputed only when the
 * values of its arguments changed since it last ran, or when it was just
 * (re)entered. Reading other cells inside the function does not count, so
 * `=WHUFFIE(A2)` goes stale when the log it reads grows, while
 * `=WHUFFIE(A2:A, Interactions!A2:K)` follows (PLATFORM.md). Each recompute
 * is one CUSTOM_FUNCTION execution; its result is written back without
 * firing onEdit, a thrown error shows as #ERROR!.
 */
export class CustomFunctions {
  private readonly parsed = new Map<string, FormulaCall | null>();
  /** The formula being computed, so a run cut off by the watchdog can be settled. */
  private running: {cell: FormulaCell; key: string} | null = null;

  constructor(
    private readonly host: CustomFunctionHost,
    private readonly document: FormulaDocument,
    /** Cell key → argumentsSignature of its last run; saved with the state. */
    private readonly memo: Record<string, string>,
  ) {}

  /**
   * For a workbook just loaded: formulas that already show a value count as
   * computed with today's arguments (Sheets keeps custom-function results in
   * the file); only never-computed ones (empty, or just entered) run.
   */
  adoptComputedValues(): void {
    for (const {cell, call, key} of this.customCells()) {
      if (key in this.memo || cell.pending || cell.value === '') continue;
      this.memo[key] = argumentsSignature(
        cell.formula,
        this.argumentValues(cell, call),
      );
    }
  }

  recompute(): void {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      let ran = false;
      const live = new Set<string>();
      for (const {cell, call, fn, key} of this.customCells()) {
        live.add(key);
        let values: unknown[];
        try {
          values = this.argumentValues(cell, call);
        } catch (error) {
          this.document.writeError(cell, (error as Error).message);
          continue;
        }
        const signature = argumentsSignature(cell.formula, values);
        if (!cell.pending && this.memo[key] === signature) continue;
        this.memo[key] = signature;
        this.running = {cell, key};
        const outcome = this.host.runCustomFunction(fn, values);
        this.running = null;
        if (outcome.ok) this.document.writeResult(cell, outcome.value);
        else this.document.writeError(cell, outcome.error);
        ran = true;
      }
      for (const key of Object.keys(this.memo))
        if (!live.has(key)) delete this.memo[key];
      if (!ran) return;
    }
  }

  /**
   * The batch watchdog stopped the formula that was running. If it had used
   * up its own limit it shows the timeout; if it had only started late in
   * the batch, it runs again on the next pass.
   */
  interrupted(ranMs: number, limitMs: number): void {
    const running = this.running;
    this.running = null;
    if (!running) return;
    if (ranMs >= limitMs)
      this.document.writeError(
        running.cell,
        'Exception: Exceeded maximum execution time',
      );
    else delete this.memo[running.key];
  }

  private *customCells(): Generator<{
    cell: FormulaCell;
    call: FormulaCall;
    fn: string;
    key: string;
  }> {
    const bundle = this.host.bundle();
    const byName = new Map<string, string>();
    for (const name of bundle.entryPoints.keys()) {
      // Any public top-level function works in a formula; @customfunction only adds autocomplete.
      if (bundle.isPublicEntryPoint(name)) byName.set(name.toUpperCase(), name);
    }
    if (byName.size === 0) return;
    for (const cell of this.document.formulaCells()) {
      let call = this.parsed.get(cell.formula);
      if (call === undefined) {
        call = parseFormulaCall(cell.formula);
        this.parsed.set(cell.formula, call);
      }
      const fn = call && byName.get(call.name.toUpperCase());
      if (!call || !fn) continue;
      yield {cell, call, fn, key: `${cell.sheet}!${cell.row}:${cell.col}`};
    }
  }

  private argumentValues(cell: FormulaCell, call: FormulaCall): unknown[] {
    return call.args.map(arg =>
      arg.kind === 'value'
        ? arg.value
        : this.document.argument(arg, cell.sheet),
    );
  }
}
