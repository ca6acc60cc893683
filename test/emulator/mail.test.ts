import {emulatorFor} from '../fixtures/runtime/harness';

describe('MailApp', () => {
  test('sendEmail(to, subject, body, options) is captured with its options', () => {
    const emu = emulatorFor('services');
    expect(emu.call('mailTo', ['ada@example.org', 'Thanks'])).toBe(98); // ada + cc
    expect(emu.mail).toEqual([
      {
        from: 'me@example.org',
        to: 'ada@example.org',
        cc: 'cc@example.org',
        replyTo: 'reply@example.org',
        name: 'Whuffie',
        subject: 'Thanks',
        body: 'Plain body',
        htmlBody: '<b>Hi</b>',
        at: expect.any(Date),
      },
    ]);
  });

  test('sendEmail(message) takes the message object', () => {
    const emu = emulatorFor('services');
    emu.call('mailObject', [
      {
        to: 'a@example.org, Bob <b@example.org>',
        bcc: 'c@example.org',
        subject: 'S',
        body: 'B',
      },
    ]);
    expect(emu.mail[0]).toMatchObject({
      to: 'a@example.org, Bob <b@example.org>',
      bcc: 'c@example.org',
      subject: 'S',
    });
    expect(emu.call('mailQuota')).toBe(97);
  });

  test('the daily quota counts recipients and resets 24 h after first use', () => {
    const emu = emulatorFor('services', {mailQuota: 3});
    expect(
      emu.call('mailTry', [
        {to: 'a@example.org, b@example.org', subject: 's', body: 'b'},
      ]),
    ).toBe('sent');
    expect(
      emu.call('mailTry', [
        {to: 'c@example.org, d@example.org', subject: 's', body: 'b'},
      ]),
    ).toBe('Service invoked too many times for one day: email.');
    expect(emu.call('mailQuota')).toBe(1);
    emu.setNow(new Date(emu.now().getTime() + 24 * 3600_000));
    expect(emu.call('mailQuota')).toBe(3);
  });

  test('at most 50 recipients per message; addresses are checked', () => {
    const emu = emulatorFor('services');
    const many = Array.from({length: 51}, (_, i) => `p${i}@example.org`).join(
      ',',
    );
    expect(emu.call('mailTry', [{to: many, subject: 's', body: 'b'}])).toBe(
      'Limit Exceeded: Email Recipients Per Message.',
    );
    expect(
      emu.call('mailTry', [{to: 'not an address', subject: 's', body: 'b'}]),
    ).toBe('Invalid email: not an address');
    expect(emu.call('mailTry', [{subject: 's', body: 'b'}])).toBe(
      'Failed to send email: no recipient',
    );
    expect(emu.mail).toEqual([]);
  });

  test('MailApp.sendEmail is counted', () => {
    const emu = emulatorFor('services');
    emu.call('mailTo', ['ada@example.org']);
    expect(emu.counts).toMatchObject({
      'MailApp.sendEmail': 1,
      'MailApp.getRemainingDailyQuota': 1,
    });
  });
});
