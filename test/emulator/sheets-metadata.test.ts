import {setup, thrown} from './sheets-fake-host';

describe('developer metadata on columns', () => {
  function tagged() {
    const env = setup();
    env.sheet.getRange('A1:C1').setValues([['Name', 'Email', 'Handle']]);
    env.sheet.getRange('C:C').addDeveloperMetadata('whuffie.column', 'handle');
    return env;
  }

  const columnOf = (env: ReturnType<typeof tagged>) =>
    env.sheet
      .createDeveloperMetadataFinder()
      .withKey('whuffie.column')
      .find()
      .map(m => m.getLocation().getColumn()!.getColumn());

  it('moves with its column when columns are inserted before it', () => {
    const env = tagged();
    env.sheet.insertColumnsBefore(1, 2);
    expect(columnOf(env)).toEqual([5]);
    expect(env.sheet.getRange(1, 5).getValue()).toBe('Handle');
  });

  it('stays put when columns are inserted after it, and follows a deletion before it', () => {
    const env = tagged();
    env.sheet.insertColumnAfter(3);
    env.sheet.deleteColumn(1);
    expect(columnOf(env)).toEqual([2]);
  });

  it('dies with its column', () => {
    const env = tagged();
    env.sheet.deleteColumn(3);
    expect(columnOf(env)).toEqual([]);
    expect(env.ss.createDeveloperMetadataFinder().find()).toEqual([]);
  });

  it('only whole rows or columns may carry metadata (the real error)', () => {
    const {sheet} = setup();
    expect(
      thrown(() => sheet.getRange('A1:B2').addDeveloperMetadata('k')).message,
    ).toBe(
      'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
    );
    sheet.getRange('5:5').addDeveloperMetadata('row');
    sheet.getRange(1, 2, 1000, 1).addDeveloperMetadata('column');
    const types = sheet
      .createDeveloperMetadataFinder()
      .find()
      .map(m => `${m.getKey()}:${m.getLocation().getLocationType()}`);
    expect(types.sort()).toEqual(['column:COLUMN', 'row:ROW']);
  });

  it('row metadata moves with inserted rows', () => {
    const {sheet} = setup();
    sheet.getRange('4:4').addDeveloperMetadata('supporter', 'id-42');
    sheet.insertRowsBefore(2, 3);
    const [md] = sheet
      .createDeveloperMetadataFinder()
      .withValue('id-42')
      .find();
    expect(md.getLocation().getRow()!.getRow()).toBe(7);
    expect(md.getLocation().getRow()!.getA1Notation()).toBe('7:7');
  });
});

describe('developer metadata API', () => {
  it('spreadsheet and sheet metadata, values and visibility overloads', () => {
    const {ss, sheet, app} = setup();
    ss.addDeveloperMetadata('schema', '3');
    ss.addDeveloperMetadata('flag', app.DeveloperMetadataVisibility.PROJECT);
    sheet.addDeveloperMetadata(
      'role',
      'tracker',
      app.DeveloperMetadataVisibility.DOCUMENT,
    );
    const top = ss.getDeveloperMetadata();
    expect(
      top.map(m => [m.getKey(), m.getValue(), String(m.getVisibility())]),
    ).toEqual([
      ['schema', '3', 'DOCUMENT'],
      ['flag', null, 'PROJECT'],
    ]);
    expect(sheet.getDeveloperMetadata().map(m => m.getValue())).toEqual([
      'tracker',
    ]);
    expect(
      sheet.getDeveloperMetadata()[0].getLocation().getSheet()!.getName(),
    ).toBe('Sheet1');
    expect(top[0].getLocation().getSpreadsheet()!.getId()).toBe(ss.getId());
  });

  it('a string second argument is a value, never a visibility', () => {
    const {ss} = setup();
    ss.addDeveloperMetadata('k', 'PROJECT');
    expect(ss.getDeveloperMetadata()[0].getValue()).toBe('PROJECT');
    expect(String(ss.getDeveloperMetadata()[0].getVisibility())).toBe(
      'DOCUMENT',
    );
  });

  it('finders filter by key, value, id, location type and visibility', () => {
    const {ss, sheet, app} = setup();
    sheet.getRange('B:B').addDeveloperMetadata('col', 'email');
    sheet.getRange('C:C').addDeveloperMetadata('col', 'handle');
    sheet.getRange('2:2').addDeveloperMetadata('col', 'header');
    ss.addDeveloperMetadata('col', 'file');
    const finder = () => ss.createDeveloperMetadataFinder().withKey('col');
    expect(finder().find()).toHaveLength(4);
    expect(
      finder()
        .withLocationType(app.DeveloperMetadataLocationType.COLUMN)
        .find()
        .map(m => m.getValue()),
    ).toEqual(['email', 'handle']);
    const handle = finder().withValue('handle').find()[0];
    expect(
      ss
        .createDeveloperMetadataFinder()
        .withId(handle.getId())
        .find()[0]
        .getValue(),
    ).toBe('handle');
    expect(
      finder().withVisibility(app.DeveloperMetadataVisibility.PROJECT).find(),
    ).toEqual([]);
    expect(
      sheet.createDeveloperMetadataFinder().withKey('col').find(),
    ).toHaveLength(3);
  });

  it('range finders see metadata inside the range, or touching it when intersecting', () => {
    const {sheet} = setup();
    sheet.getRange('3:3').addDeveloperMetadata('row3');
    expect(
      sheet.getRange('A1:D5').createDeveloperMetadataFinder().find(),
    ).toEqual([]);
    expect(
      sheet.getRange('1:5').createDeveloperMetadataFinder().find(),
    ).toHaveLength(1);
    expect(
      sheet
        .getRange('A1:D5')
        .createDeveloperMetadataFinder()
        .onIntersectingLocations()
        .find(),
    ).toHaveLength(1);
    expect(
      sheet
        .getRange('3:3')
        .getDeveloperMetadata()
        .map(m => m.getKey()),
    ).toEqual(['row3']);
    expect(sheet.getRange('A3').getDeveloperMetadata()).toEqual([]);
  });

  it('metadata can be changed, moved and removed', () => {
    const {ss, sheet} = setup();
    sheet.getRange('B:B').addDeveloperMetadata('col', 'old');
    const [md] = ss.createDeveloperMetadataFinder().find();
    md.setValue('new').setKey('column');
    md.moveToColumn(sheet.getRange('E1'));
    const [moved] = ss.createDeveloperMetadataFinder().withKey('column').find();
    expect(moved.getValue()).toBe('new');
    expect(moved.getLocation().getColumn()!.getA1Notation()).toBe('E:E');
    moved.remove();
    expect(ss.createDeveloperMetadataFinder().find()).toEqual([]);
  });

  it('dies with its sheet', () => {
    const {ss} = setup();
    const other = ss.insertSheet('Other');
    other.addDeveloperMetadata('k');
    other.getRange('A:A').addDeveloperMetadata('k');
    ss.deleteSheet(other);
    expect(ss.createDeveloperMetadataFinder().find()).toEqual([]);
  });
});
