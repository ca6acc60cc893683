/**
 * Data-validation rules as data: equality (so a column of identical rules is
 * one rectangle), checkbox semantics, and the criteria each builder method
 * sets. The script-facing classes live in validation.ts.
 */
import type {CellValue} from '../workbook';
import type {CriteriaName} from './enums';
import {signatureMismatch} from './errors';
import type {CriterionValue, ValidationRule} from './records';

function valueKey(value: CriterionValue): string {
  if (value instanceof Date) return `d${value.getTime()}`;
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (typeof value === 'object') {
    const {sheetId, rect} = value.range;
    return `r${sheetId}:${rect.r1},${rect.c1},${rect.r2},${rect.c2}`;
  }
  return `${typeof value}:${String(value)}`;
}

const keys = new WeakMap<ValidationRule, string>();

function ruleKey(rule: ValidationRule): string {
  let key = keys.get(rule);
  if (key === undefined) {
    key = [
      rule.criteria,
      rule.values.map(valueKey).join('|'),
      rule.allowInvalid,
      rule.helpText ?? '',
    ].join('\u0000');
    keys.set(rule, key);
  }
  return key;
}

export function sameRule(a: ValidationRule, b: ValidationRule): boolean {
  return a === b || ruleKey(a) === ruleKey(b);
}

export function isCheckbox(
  rule: ValidationRule | null,
): rule is ValidationRule {
  return rule !== null && rule.criteria === 'CHECKBOX';
}

/** The value a checkbox cell holds when unticked. */
export function uncheckedValue(rule: ValidationRule): CellValue {
  return rule.values.length >= 2 ? (rule.values[1] as CellValue) : false;
}

/** The value a checkbox cell holds when ticked. */
export function checkedValue(rule: ValidationRule): CellValue {
  return rule.values.length >= 1 ? (rule.values[0] as CellValue) : true;
}

/**
 * The optional ticked/unticked values of insertCheckboxes and
 * requireCheckbox: at most two, each a plain cell value.
 */
export function checkboxValues(
  method: string,
  values: readonly unknown[],
): CellValue[] {
  if (
    values.length > 2 ||
    values.some(v => v === null || typeof v === 'object')
  ) {
    throw signatureMismatch(method, values);
  }
  return values as CellValue[];
}

/** What a builder method expects for each criterion's values. */
export type ArgKind = 'number' | 'date' | 'text' | 'formula';

export interface CriterionSpec {
  criteria: CriteriaName;
  args: ArgKind[];
}

/** DataValidationBuilder.require* methods with fixed-type arguments. */
export const REQUIRE_METHODS: Readonly<Record<string, CriterionSpec>> = {
  requireDate: {criteria: 'DATE_IS_VALID_DATE', args: []},
  requireDateAfter: {criteria: 'DATE_AFTER', args: ['date']},
  requireDateBefore: {criteria: 'DATE_BEFORE', args: ['date']},
  requireDateBetween: {criteria: 'DATE_BETWEEN', args: ['date', 'date']},
  requireDateEqualTo: {criteria: 'DATE_EQUAL_TO', args: ['date']},
  requireDateNotBetween: {criteria: 'DATE_NOT_BETWEEN', args: ['date', 'date']},
  requireDateOnOrAfter: {criteria: 'DATE_ON_OR_AFTER', args: ['date']},
  requireDateOnOrBefore: {criteria: 'DATE_ON_OR_BEFORE', args: ['date']},
  requireFormulaSatisfied: {criteria: 'CUSTOM_FORMULA', args: ['formula']},
  requireNumberBetween: {
    criteria: 'NUMBER_BETWEEN',
    args: ['number', 'number'],
  },
  requireNumberEqualTo: {criteria: 'NUMBER_EQUAL_TO', args: ['number']},
  requireNumberGreaterThan: {criteria: 'NUMBER_GREATER_THAN', args: ['number']},
  requireNumberGreaterThanOrEqualTo: {
    criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    args: ['number'],
  },
  requireNumberLessThan: {criteria: 'NUMBER_LESS_THAN', args: ['number']},
  requireNumberLessThanOrEqualTo: {
    criteria: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
    args: ['number'],
  },
  requireNumberNotBetween: {
    criteria: 'NUMBER_NOT_BETWEEN',
    args: ['number', 'number'],
  },
  requireNumberNotEqualTo: {criteria: 'NUMBER_NOT_EQUAL_TO', args: ['number']},
  requireTextContains: {criteria: 'TEXT_CONTAINS', args: ['text']},
  requireTextDoesNotContain: {
    criteria: 'TEXT_DOES_NOT_CONTAIN',
    args: ['text'],
  },
  requireTextEqualTo: {criteria: 'TEXT_EQUAL_TO', args: ['text']},
  requireTextIsEmail: {criteria: 'TEXT_IS_VALID_EMAIL', args: []},
  requireTextIsUrl: {criteria: 'TEXT_IS_VALID_URL', args: []},
};

export function argFits(kind: ArgKind, value: unknown): boolean {
  if (kind === 'number') return typeof value === 'number';
  if (kind === 'date') return value instanceof Date;
  return typeof value === 'string';
}
