/**
 * SpreadsheetApp.newDataValidation() and the DataValidation objects ranges
 * return. A built rule is plain data (records.ts); these classes wrap it.
 */
import type {CellValue} from '../workbook';
import {ApiContext, builderAccess, instrument} from './context';
import {DataValidationCriteria, EnumValue, enumName} from './enums';
import {signatureMismatch} from './errors';
import type {SpreadsheetModel} from './model';
import type {CriterionValue, ValidationRule} from './records';
import {Range} from './range';
import {REQUIRE_METHODS, argFits, checkboxValues} from './rules';

function copyCriterion(value: CriterionValue): CriterionValue {
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value))
    return value.map(v => (v instanceof Date ? new Date(v.getTime()) : v));
  return value;
}

/** Criteria values as Apps Script returns them (a VALUE_IN_RANGE range as a Range). */
function criteriaValues(
  ctx: ApiContext,
  model: SpreadsheetModel | null,
  rule: ValidationRule | null,
): unknown[] {
  if (!rule) return [];
  return rule.values.map(value => {
    if (value !== null && typeof value === 'object' && 'range' in value) {
      const sheet = model?.sheetById(value.range.sheetId);
      return sheet && model
        ? new Range(ctx, model, sheet, value.range.rect)
        : null;
    }
    return copyCriterion(value);
  });
}

export class DataValidation {
  constructor(
    readonly ctx: ApiContext,
    /** The rule, shared with the model: never mutated. */
    readonly rule: ValidationRule,
    /** The file a VALUE_IN_RANGE rule's range lives in. */
    readonly model: SpreadsheetModel | null,
  ) {}

  getCriteriaType(): EnumValue {
    return DataValidationCriteria[this.rule.criteria];
  }

  getCriteriaValues(): unknown[] {
    return criteriaValues(this.ctx, this.model, this.rule);
  }

  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }

  getHelpText(): string | null {
    return this.rule.helpText;
  }

  copy(): DataValidationBuilder {
    return builderFrom(this.ctx, this.rule, this.model);
  }
}
instrument(DataValidation, 'DataValidation');

/** A builder's working rule (criteria null until a require* call). */
interface Draft {
  criteria: ValidationRule['criteria'] | null;
  values: CriterionValue[];
  allowInvalid: boolean;
  helpText: string | null;
  /** The file a VALUE_IN_RANGE range lives in. */
  model: SpreadsheetModel | null;
}

function draftRule(draft: Draft): ValidationRule | null {
  if (draft.criteria === null) return null;
  return {
    criteria: draft.criteria,
    values: draft.values.map(copyCriterion),
    allowInvalid: draft.allowInvalid,
    helpText: draft.helpText,
  };
}

/** A builder preloaded with a rule (DataValidation.copy). */
function builderFrom(
  ctx: ApiContext,
  rule: ValidationRule | null,
  model: SpreadsheetModel | null,
): DataValidationBuilder {
  const builder = new DataValidationBuilder(ctx);
  if (rule) {
    Object.assign(builder.draft, {
      criteria: rule.criteria,
      values: rule.values.map(copyCriterion),
      allowInvalid: rule.allowInvalid,
      helpText: rule.helpText,
      model,
    });
  }
  return builder;
}

/** A range as a criterion value; the draft remembers the file it lives in. */
function rangeCriterion(draft: Draft, range: Range): CriterionValue {
  draft.model = range.spreadsheetModel;
  return {range: {sheetId: range.sheetModel.sheetId, rect: {...range.rect}}};
}

/** The require* methods whose [ctx, rule, model] have fixed types (rules.ts). */
function requireCriterion(
  builder: DataValidationBuilder,
  method: string,
  args: unknown[],
): DataValidationBuilder {
  const spec = REQUIRE_METHODS[method];
  if (
    args.length !== spec.args.length ||
    !spec.args.every((k, i) => argFits(k, args[i]))
  ) {
    throw signatureMismatch(`DataValidationBuilder.${method}`, args);
  }
  builder.draft.criteria = spec.criteria;
  builder.draft.values = args.map(v => copyCriterion(v as CellValue));
  return builder;
}

export class DataValidationBuilder {
  readonly draft: Draft = {
    criteria: null,
    values: [],
    allowInvalid: true,
    helpText: null,
    model: null,
  };

  constructor(readonly ctx: ApiContext) {}

  build(): DataValidation {
    const rule = draftRule(this.draft);
    if (!rule) throw signatureMismatch('DataValidationBuilder.build', []);
    return new DataValidation(this.ctx, rule, this.draft.model);
  }

  copy(): DataValidationBuilder {
    return builderFrom(this.ctx, draftRule(this.draft), this.draft.model);
  }

  getCriteriaType(): EnumValue | null {
    const criteria = this.draft.criteria;
    return criteria && DataValidationCriteria[criteria];
  }

  getCriteriaValues(): unknown[] {
    return criteriaValues(this.ctx, this.draft.model, draftRule(this.draft));
  }

  getAllowInvalid(): boolean {
    return this.draft.allowInvalid;
  }

  getHelpText(): string | null {
    return this.draft.helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): DataValidationBuilder {
    if (typeof allowInvalidData !== 'boolean') {
      throw signatureMismatch('DataValidationBuilder.setAllowInvalid', [
        allowInvalidData,
      ]);
    }
    this.draft.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: string): DataValidationBuilder {
    if (typeof helpText !== 'string') {
      throw signatureMismatch('DataValidationBuilder.setHelpText', [helpText]);
    }
    this.draft.helpText = helpText;
    return this;
  }

  /** Ticked/unticked values default to TRUE/FALSE; custom ones are any cell values. */
  requireCheckbox(
    ...values: [checkedValue?: unknown, uncheckedValue?: unknown]
  ): DataValidationBuilder {
    const given = checkboxValues(
      'DataValidationBuilder.requireCheckbox',
      values,
    );
    this.draft.criteria = 'CHECKBOX';
    this.draft.values = [...given];
    return this;
  }

  requireValueInList(
    values: unknown[],
    showDropdown = true,
  ): DataValidationBuilder {
    if (
      !Array.isArray(values) ||
      typeof showDropdown !== 'boolean' ||
      values.some(v => typeof v !== 'string')
    ) {
      throw signatureMismatch('DataValidationBuilder.requireValueInList', [
        values,
        showDropdown,
      ]);
    }
    this.draft.criteria = 'VALUE_IN_LIST';
    this.draft.values = [[...(values as string[])], showDropdown];
    return this;
  }

  requireValueInRange(
    range: Range,
    showDropdown = true,
  ): DataValidationBuilder {
    if (!(range instanceof Range) || typeof showDropdown !== 'boolean') {
      throw signatureMismatch('DataValidationBuilder.requireValueInRange', [
        range,
        showDropdown,
      ]);
    }
    this.draft.criteria = 'VALUE_IN_RANGE';
    this.draft.values = [rangeCriterion(this.draft, range), showDropdown];
    return this;
  }

  /** Sets any criterion with raw values, as Apps Script's escape hatch does. */
  withCriteria(criteria: EnumValue, args: unknown[]): DataValidationBuilder {
    const name = enumName(DataValidationCriteria, criteria);
    if (!name || !Array.isArray(args)) {
      throw signatureMismatch('DataValidationBuilder.withCriteria', [
        criteria,
        args,
      ]);
    }
    this.draft.criteria = name;
    this.draft.values = args.map(v =>
      v instanceof Range
        ? rangeCriterion(this.draft, v)
        : copyCriterion(v as CellValue),
    );
    return this;
  }

  requireDate(...args: []): DataValidationBuilder {
    return requireCriterion(this, 'requireDate', args);
  }
  requireDateAfter(...args: [date: Date]): DataValidationBuilder {
    return requireCriterion(this, 'requireDateAfter', args);
  }
  requireDateBefore(...args: [date: Date]): DataValidationBuilder {
    return requireCriterion(this, 'requireDateBefore', args);
  }
  requireDateBetween(...args: [start: Date, end: Date]): DataValidationBuilder {
    return requireCriterion(this, 'requireDateBetween', args);
  }
  requireDateEqualTo(...args: [date: Date]): DataValidationBuilder {
    return requireCriterion(this, 'requireDateEqualTo', args);
  }
  requireDateNotBetween(
    ...args: [start: Date, end: Date]
  ): DataValidationBuilder {
    return requireCriterion(this, 'requireDateNotBetween', args);
  }
  requireDateOnOrAfter(...args: [date: Date]): DataValidationBuilder {
    return requireCriterion(this, 'requireDateOnOrAfter', args);
  }
  requireDateOnOrBefore(...args: [date: Date]): DataValidationBuilder {
    return requireCriterion(this, 'requireDateOnOrBefore', args);
  }
  requireFormulaSatisfied(...args: [formula: string]): DataValidationBuilder {
    return requireCriterion(this, 'requireFormulaSatisfied', args);
  }
  requireNumberBetween(
    ...args: [start: number, end: number]
  ): DataValidationBuilder {
    return requireCriterion(this, 'requireNumberBetween', args);
  }
  requireNumberEqualTo(...args: [number: number]): DataValidationBuilder {
    return requireCriterion(this, 'requireNumberEqualTo', args);
  }
  requireNumberGreaterThan(...args: [number: number]): DataValidationBuilder {
    return requireCriterion(this, 'requireNumberGreaterThan', args);
  }
  requireNumberGreaterThanOrEqualTo(
    ...args: [number: number]
  ): DataValidationBuilder {
    return requireCriterion(this, 'requireNumberGreaterThanOrEqualTo', args);
  }
  requireNumberLessThan(...args: [number: number]): DataValidationBuilder {
    return requireCriterion(this, 'requireNumberLessThan', args);
  }
  requireNumberLessThanOrEqualTo(
    ...args: [number: number]
  ): DataValidationBuilder {
    return requireCriterion(this, 'requireNumberLessThanOrEqualTo', args);
  }
  requireNumberNotBetween(
    ...args: [start: number, end: number]
  ): DataValidationBuilder {
    return requireCriterion(this, 'requireNumberNotBetween', args);
  }
  requireNumberNotEqualTo(...args: [number: number]): DataValidationBuilder {
    return requireCriterion(this, 'requireNumberNotEqualTo', args);
  }
  requireTextContains(...args: [text: string]): DataValidationBuilder {
    return requireCriterion(this, 'requireTextContains', args);
  }
  requireTextDoesNotContain(...args: [text: string]): DataValidationBuilder {
    return requireCriterion(this, 'requireTextDoesNotContain', args);
  }
  requireTextEqualTo(...args: [text: string]): DataValidationBuilder {
    return requireCriterion(this, 'requireTextEqualTo', args);
  }
  requireTextIsEmail(...args: []): DataValidationBuilder {
    return requireCriterion(this, 'requireTextIsEmail', args);
  }
  requireTextIsUrl(...args: []): DataValidationBuilder {
    return requireCriterion(this, 'requireTextIsUrl', args);
  }
}
instrument(DataValidationBuilder, 'DataValidationBuilder', builderAccess);
