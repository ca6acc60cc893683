/**
 * Embedded charts, recorded: type, data ranges, options and position (the
 * playground's dashboard draws them from sheet.charts). Nothing is rendered.
 */
import {ApiContext, builderAccess, instrument} from './context';
import {ChartType, ChartTypeName, EnumValue, enumName} from './enums';
import {exception, signatureMismatch} from './errors';
import type {SpreadsheetModel} from './model';
import {Range} from './range';
import type {ChartRecord, SheetRect} from './records';
import {sameRect} from './rect';
import type {SheetModel} from './sheet-model';

const NO_CHART_TYPE = 'A chart type must be set before building the chart.';

/** A chart being built; chartId is set once the chart is on a sheet. */
export interface ChartDraft extends Omit<ChartRecord, 'chartId' | 'type'> {
  chartId: number | null;
  type: ChartTypeName | null;
}

function copyDraft(draft: ChartDraft): ChartDraft {
  return {
    ...draft,
    ranges: draft.ranges.map(r => ({sheetId: r.sheetId, rect: {...r.rect}})),
    options: {...draft.options},
  };
}

export function newDraft(): ChartDraft {
  return {
    chartId: null,
    type: null,
    ranges: [],
    options: {},
    anchorRow: 1,
    anchorColumn: 1,
    offsetX: 0,
    offsetY: 0,
    numHeaders: null,
  };
}

function rangesOf(
  ctx: ApiContext,
  model: SpreadsheetModel,
  ranges: SheetRect[],
): Range[] {
  return ranges.flatMap(r => {
    const sheet = model.sheetById(r.sheetId);
    return sheet ? [new Range(ctx, model, sheet, {...r.rect})] : [];
  });
}

function setType(
  builder: EmbeddedChartBuilder,
  type: ChartTypeName,
): EmbeddedChartBuilder {
  builder.draft.type = type;
  return builder;
}

function option(
  builder: EmbeddedChartBuilder,
  key: string,
  value: unknown,
): EmbeddedChartBuilder {
  builder.draft.options[key] = value;
  return builder;
}

export class EmbeddedChartBuilder {
  constructor(
    readonly ctx: ApiContext,
    readonly spreadsheetModel: SpreadsheetModel,
    readonly draft: ChartDraft,
  ) {}

  addRange(range: Range): EmbeddedChartBuilder {
    if (!(range instanceof Range))
      throw signatureMismatch('EmbeddedChartBuilder.addRange', [range]);
    this.draft.ranges.push({
      sheetId: range.sheetModel.sheetId,
      rect: {...range.rect},
    });
    return this;
  }

  removeRange(range: Range): EmbeddedChartBuilder {
    if (!(range instanceof Range)) {
      throw signatureMismatch('EmbeddedChartBuilder.removeRange', [range]);
    }
    this.draft.ranges = this.draft.ranges.filter(
      r =>
        r.sheetId !== range.sheetModel.sheetId || !sameRect(r.rect, range.rect),
    );
    return this;
  }

  clearRanges(): EmbeddedChartBuilder {
    this.draft.ranges = [];
    return this;
  }

  getRanges(): Range[] {
    return rangesOf(this.ctx, this.spreadsheetModel, this.draft.ranges);
  }

  setChartType(type: EnumValue): EmbeddedChartBuilder {
    const name = enumName(ChartType, type);
    if (!name)
      throw signatureMismatch('EmbeddedChartBuilder.setChartType', [type]);
    return setType(this, name);
  }

  getChartType(): EnumValue | null {
    return this.draft.type && ChartType[this.draft.type];
  }

  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    if (typeof option !== 'string')
      throw signatureMismatch('EmbeddedChartBuilder.setOption', [
        option,
        value,
      ]);
    this.draft.options[option] = value;
    return this;
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): EmbeddedChartBuilder {
    if (
      ![anchorRowPos, anchorColPos, offsetX, offsetY].every(
        n => typeof n === 'number',
      )
    ) {
      throw signatureMismatch('EmbeddedChartBuilder.setPosition', [
        anchorRowPos,
        anchorColPos,
        offsetX,
        offsetY,
      ]);
    }
    Object.assign(this.draft, {
      anchorRow: anchorRowPos,
      anchorColumn: anchorColPos,
      offsetX,
      offsetY,
    });
    return this;
  }

  setNumHeaders(headers: number): EmbeddedChartBuilder {
    if (typeof headers !== 'number') {
      throw signatureMismatch('EmbeddedChartBuilder.setNumHeaders', [headers]);
    }
    this.draft.numHeaders = headers;
    return this;
  }

  setTransposeRowsAndColumns(transpose: boolean): EmbeddedChartBuilder {
    return option(this, 'transposeRowsAndColumns', transpose);
  }

  // The typed builders (asLineChart() …) return this same builder with the
  // type set; their common setters are recorded as the options they set.
  asAreaChart(): EmbeddedChartBuilder {
    return setType(this, 'AREA');
  }
  asBarChart(): EmbeddedChartBuilder {
    return setType(this, 'BAR');
  }
  asColumnChart(): EmbeddedChartBuilder {
    return setType(this, 'COLUMN');
  }
  asComboChart(): EmbeddedChartBuilder {
    return setType(this, 'COMBO');
  }
  asLineChart(): EmbeddedChartBuilder {
    return setType(this, 'LINE');
  }
  asPieChart(): EmbeddedChartBuilder {
    return setType(this, 'PIE');
  }
  asScatterChart(): EmbeddedChartBuilder {
    return setType(this, 'SCATTER');
  }
  asTableChart(): EmbeddedChartBuilder {
    return setType(this, 'TABLE');
  }
  setTitle(chartTitle: string): EmbeddedChartBuilder {
    return option(this, 'title', chartTitle);
  }
  setXAxisTitle(title: string): EmbeddedChartBuilder {
    return option(this, 'hAxis.title', title);
  }
  setYAxisTitle(title: string): EmbeddedChartBuilder {
    return option(this, 'vAxis.title', title);
  }
  setStacked(): EmbeddedChartBuilder {
    return option(this, 'isStacked', true);
  }
  setColors(cssValues: string[]): EmbeddedChartBuilder {
    return option(this, 'colors', [...cssValues]);
  }
  setLegendPosition(position: unknown): EmbeddedChartBuilder {
    return option(this, 'legend.position', String(position).toLowerCase());
  }

  build(): EmbeddedChart {
    if (!this.draft.type) throw exception(NO_CHART_TYPE);
    return new EmbeddedChart(
      this.ctx,
      this.spreadsheetModel,
      copyDraft(this.draft),
    );
  }
}
instrument(EmbeddedChartBuilder, 'EmbeddedChartBuilder', builderAccess);

export class ChartOptions {
  constructor(
    readonly ctx: ApiContext,
    private readonly options: Record<string, unknown>,
  ) {}

  get(option: string): unknown {
    return this.options[option] ?? null;
  }

  getOrDefault(option: string): unknown {
    return this.options[option] ?? null;
  }
}
instrument(ChartOptions, 'ChartOptions');

export class ContainerInfo {
  constructor(
    readonly ctx: ApiContext,
    private readonly draft: ChartDraft,
  ) {}

  getAnchorRow(): number {
    return this.draft.anchorRow;
  }
  getAnchorColumn(): number {
    return this.draft.anchorColumn;
  }
  getOffsetX(): number {
    return this.draft.offsetX;
  }
  getOffsetY(): number {
    return this.draft.offsetY;
  }
}
instrument(ContainerInfo, 'ContainerInfo');

export class EmbeddedChart {
  constructor(
    readonly ctx: ApiContext,
    readonly spreadsheetModel: SpreadsheetModel,
    readonly draft: ChartDraft,
  ) {}

  getChartId(): number | null {
    return this.draft.chartId;
  }

  getRanges(): Range[] {
    return rangesOf(this.ctx, this.spreadsheetModel, this.draft.ranges);
  }

  getOptions(): ChartOptions {
    return new ChartOptions(this.ctx, {...this.draft.options});
  }

  getContainerInfo(): ContainerInfo {
    return new ContainerInfo(this.ctx, {...this.draft});
  }

  modify(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(
      this.ctx,
      this.spreadsheetModel,
      copyDraft(this.draft),
    );
  }
}
instrument(EmbeddedChart, 'EmbeddedChart');

/** Puts a built chart on a sheet (insertChart) or replaces its earlier version (updateChart). */
export function placeChart(
  model: SpreadsheetModel,
  sheet: SheetModel,
  chart: EmbeddedChart,
  update: boolean,
): void {
  const draft = chart.draft;
  if (!draft.type) throw exception(NO_CHART_TYPE);
  if (update) {
    const i = sheet.charts.findIndex(c => c.chartId === draft.chartId);
    if (i < 0) throw exception('The chart to update is not on this sheet.');
    sheet.charts[i] = {
      ...copyDraft(draft),
      chartId: sheet.charts[i].chartId,
      type: draft.type,
    };
    return;
  }
  draft.chartId = model.counters.chart++;
  sheet.charts.push({
    ...copyDraft(draft),
    chartId: draft.chartId,
    type: draft.type,
  });
}

/** A sheet's chart record as the EmbeddedChart scripts get back from getCharts(). */
export function chartOf(
  ctx: ApiContext,
  model: SpreadsheetModel,
  record: ChartRecord,
): EmbeddedChart {
  return new EmbeddedChart(ctx, model, copyDraft({...record}));
}
