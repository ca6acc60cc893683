/**
 * Apps Script enums. Each member is a distinct object (not a string) so an
 * overload like addDeveloperMetadata(key, value | visibility) can tell a
 * visibility from a value that happens to read 'PROJECT'; members print as
 * their name (`String(x)`, `x.toString()`, `x.name()`, JSON), as in Apps
 * Script.
 */

export class EnumValue<N extends string = string> {
  constructor(
    private readonly enumName: N,
    private readonly position: number,
  ) {}
  name(): N {
    return this.enumName;
  }
  ordinal(): number {
    return this.position;
  }
  toString(): string {
    return this.enumName;
  }
  toJSON(): string {
    return this.enumName;
  }
}

export type Enum<N extends string> = Readonly<Record<N, EnumValue<N>>>;

function makeEnum<N extends string>(names: readonly N[]): Enum<N> {
  const members = {} as Record<N, EnumValue<N>>;
  names.forEach((name, i) => {
    members[name] = new EnumValue(name, i);
  });
  return Object.freeze(members);
}

/**
 * The name of the enum member an argument is, or null — Apps Script takes
 * the member object only, never its name as a string.
 */
export function enumName<N extends string>(
  e: Enum<N>,
  value: unknown,
): N | null {
  if (!(value instanceof EnumValue)) return null;
  const name = value.name() as N;
  return Object.prototype.hasOwnProperty.call(e, name) && e[name] === value
    ? name
    : null;
}

const CRITERIA = [
  'CHECKBOX',
  'CUSTOM_FORMULA',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
] as const;
export type CriteriaName = (typeof CRITERIA)[number];
export const DataValidationCriteria = makeEnum(CRITERIA);

export type VisibilityName = 'DOCUMENT' | 'PROJECT';
export const DeveloperMetadataVisibility = makeEnum<VisibilityName>([
  'DOCUMENT',
  'PROJECT',
]);

export type LocationTypeName =
  'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN' | 'OBJECT';
export const DeveloperMetadataLocationType = makeEnum<LocationTypeName>([
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
  'OBJECT',
]);

export type ProtectionTypeName = 'RANGE' | 'SHEET';
export const ProtectionType = makeEnum<ProtectionTypeName>(['RANGE', 'SHEET']);

export type WrapStrategyName = 'WRAP' | 'OVERFLOW' | 'CLIP';
export const WrapStrategy = makeEnum<WrapStrategyName>([
  'WRAP',
  'OVERFLOW',
  'CLIP',
]);

const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'RADAR',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const;
export type ChartTypeName = (typeof CHART_TYPES)[number];
/** Charts.ChartType in Apps Script; also offered as SpreadsheetApp.ChartType here. */
export const ChartType = makeEnum(CHART_TYPES);
