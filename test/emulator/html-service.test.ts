import {emulatorFor} from '../fixtures/runtime/harness';

describe('HtmlService', () => {
  const emu = emulatorFor('services');

  test('HtmlOutput builds content, title, size, meta tags; templates escape <?= ?> and not <?!= ?>', () => {
    expect(emu.call('html')).toEqual({
      content: '<p>a</p><p>b</p>&lt;script&gt;',
      title: 'Title',
      width: 400,
      meta: 'viewport',
      template: '&lt;Ada &amp; &quot;Bob&quot;&gt;|<Ada & "Bob">|many',
      file: '<p>From a file</p>\n',
    });
  });

  test('a missing file fails with the real message', () => {
    expect(emu.call('missingHtml')).toBe('No HTML file named nope was found.');
  });

  test('sidebars and dialogs are recorded; sidebars ignore setWidth', () => {
    const shown = emulatorFor('services');
    expect(shown.call('dialogs')).toBe('OK');
    expect(shown.ui.dialogs).toEqual([
      {
        modal: true,
        title: 'Modal',
        html: '<p>modal</p>',
        width: 500,
        height: 200,
      },
      {
        modal: false,
        title: 'Modeless',
        html: '<p>modeless</p>',
        width: undefined,
        height: undefined,
      },
    ]);
    expect(shown.ui.sidebars).toEqual([{title: 'Side', html: '<p>side</p>'}]);
    expect(shown.ui.alerts).toEqual([
      {title: '', prompt: 'Done?', buttons: 'OK', answer: 'OK'},
    ]);
  });
});
