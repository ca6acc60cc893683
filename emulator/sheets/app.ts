/**
 * The SpreadsheetApp global. The runtime creates one per execution with its
 * Host (counting, access checks, clock, Ui, toasts) and a resolver (which
 * file is active, openById lookup, each user's cursor).
 */
import type {Host} from '../host';
import {Access, ApiContext, SpreadsheetResolver, enterCall} from './context';
import {
  ChartType,
  DataValidationCriteria,
  DeveloperMetadataLocationType,
  DeveloperMetadataVisibility,
  ProtectionType,
  WrapStrategy,
} from './enums';
import {MESSAGES, exception, signatureMismatch} from './errors';
import type {SpreadsheetModel} from './model';
import {Range} from './range';
import {
  RangeList,
  Selection,
  activateSheet,
  activeRange,
  activeSheetModel,
  currentCell,
  selectRect,
} from './selection';
import {Sheet} from './sheet';
import {Spreadsheet} from './spreadsheet';
import {DataValidationBuilder} from './validation';

const URL_ID = /\/spreadsheets\/d\/([A-Za-z0-9_-]+)/;

export interface SpreadsheetAppService {
  getActiveSpreadsheet(): Spreadsheet | null;
  getActive(): Spreadsheet | null;
  getActiveSheet(): Sheet | null;
  getActiveRange(): Range | null;
  getActiveRangeList(): RangeList | null;
  getSelection(): Selection | null;
  getCurrentCell(): Range | null;
  setActiveSheet(sheet: Sheet): Sheet;
  setActiveRange(range: Range): Range;
  openById(id: string): Spreadsheet;
  openByUrl(url: string): Spreadsheet;
  getUi(): unknown;
  flush(): void;
  newDataValidation(): DataValidationBuilder;
  readonly DataValidationCriteria: typeof DataValidationCriteria;
  readonly DeveloperMetadataVisibility: typeof DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType: typeof DeveloperMetadataLocationType;
  readonly ProtectionType: typeof ProtectionType;
  readonly WrapStrategy: typeof WrapStrategy;
  /** Charts.ChartType in Apps Script, offered here too for convenience. */
  readonly ChartType: typeof ChartType;
}

export function createSpreadsheetApp(
  host: Host,
  resolver: SpreadsheetResolver,
): SpreadsheetAppService {
  const ctx: ApiContext = {host, resolver};

  /** Counts and checks a SpreadsheetApp.* call like every other method. */
  function call<A extends unknown[], R>(
    name: string,
    access: Access,
    fn: (...args: A) => R,
  ): (...args: A) => R {
    const full = `SpreadsheetApp.${name}`;
    return (...args: A) => {
      enterCall(host, full, access);
      return fn(...args);
    };
  }

  /** The file the execution runs in; a time-driven trigger has none. */
  function active(): SpreadsheetModel | null {
    return host.inTimeTrigger() ? null : resolver.active();
  }

  function open(method: string, id: string): Spreadsheet {
    const model = resolver.byId(id);
    if (!model) throw exception(MESSAGES.openFailed(method));
    return new Spreadsheet(ctx, model);
  }

  const getActiveSpreadsheet = () => {
    const model = active();
    return model && new Spreadsheet(ctx, model);
  };

  return {
    getActiveSpreadsheet: call(
      'getActiveSpreadsheet',
      'read',
      getActiveSpreadsheet,
    ),
    getActive: call('getActive', 'read', getActiveSpreadsheet),
    getActiveSheet: call('getActiveSheet', 'read', () => {
      const model = active();
      return model && new Sheet(ctx, model, activeSheetModel(ctx, model));
    }),
    getActiveRange: call('getActiveRange', 'read', () => {
      const model = active();
      return model && activeRange(ctx, model);
    }),
    getActiveRangeList: call('getActiveRangeList', 'read', () => {
      const model = active();
      return model && new RangeList(ctx, [activeRange(ctx, model)]);
    }),
    getSelection: call('getSelection', 'read', () => {
      const model = active();
      return model && new Selection(ctx, model);
    }),
    getCurrentCell: call('getCurrentCell', 'read', () => {
      const model = active();
      return model && currentCell(ctx, model);
    }),
    setActiveSheet: call('setActiveSheet', 'write', (sheet: Sheet) => {
      if (!(sheet instanceof Sheet))
        throw signatureMismatch('setActiveSheet', [sheet]);
      activateSheet(
        resolver.selection(sheet.spreadsheetModel),
        sheet.sheetModel,
      );
      return sheet;
    }),
    setActiveRange: call('setActiveRange', 'write', (range: Range) => {
      if (!(range instanceof Range))
        throw signatureMismatch('setActiveRange', [range]);
      selectRect(
        resolver.selection(range.spreadsheetModel),
        range.sheetModel.sheetId,
        range.rect,
      );
      return range;
    }),
    openById: call('openById', 'read', (id: string) => {
      if (typeof id !== 'string') throw signatureMismatch('openById', [id]);
      return open('openById', id);
    }),
    openByUrl: call('openByUrl', 'read', (url: string) => {
      if (typeof url !== 'string') throw signatureMismatch('openByUrl', [url]);
      const m = URL_ID.exec(url);
      if (!m) throw exception('Invalid argument: url');
      return open('openByUrl', m[1]);
    }),
    getUi: call('getUi', 'read', () => host.getUi()),
    flush: call('flush', 'read', () => undefined),
    newDataValidation: call(
      'newDataValidation',
      'read',
      () => new DataValidationBuilder(ctx),
    ),
    DataValidationCriteria,
    DeveloperMetadataVisibility,
    DeveloperMetadataLocationType,
    ProtectionType,
    WrapStrategy,
    ChartType,
  };
}
