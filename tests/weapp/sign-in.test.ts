import { fakeCloud } from './support/cloud';
import { openPage, type OpenedPage } from './support/mini-program';

/** Nobody is signed in, and the cloud refuses every code and password. */
const refusesEveryPassword = fakeCloud({ 'account.signIn': () => ({ ok: false, error: { code: 'WRONG_CREDENTIALS', message: '用户名或密码错误' } }) });

/** The sign-in page of the real weapp build (dist/weapp) in miniprogram-simulate; one page load for the file. */
describe('the mini-program sign-in page', () => {
  let page: OpenedPage;

  beforeAll(async () => {
    page = await openPage('pages/auth/sign-in', { answer: refusesEveryPassword });
  });

  test('shows a field for the code, a field for the password, and the 登录 button', async () => {
    await page.waitFor('.btn-submit');

    // Both are required: marked * before the label.
    expect(page.texts('.form-field__label')).toEqual(['*用户名', '*密码']);
    expect(page.findAll('.field-code .nut-input-native')).toHaveLength(1);
    expect(page.findAll('.field-password .nut-input-native')).toHaveLength(1);
    expect(page.texts('.btn-submit')).toEqual(['登录']);
    expect(page.findAll('.field-error')).toHaveLength(0);
  });

  test('tapping 登录 with both fields empty shows both field errors and calls no cloud function', async () => {
    const callsBefore = page.cloud.calls.length;

    await page.tap('.btn-submit');
    await page.waitUntil(() => page.findAll('.field-error').length === 2, 'both field errors');

    expect(page.texts('.field-error--code')).toEqual(['请填写']);
    expect(page.texts('.field-error--password')).toEqual(['请填写']);
    expect(page.cloud.calls.slice(callsBefore)).toEqual([]);
  });

  test('a refused sign-in sends what was typed, shows the refusal and keeps the typed code', async () => {
    await page.type('.field-code', 'YY-A-0001');
    await page.type('.field-password', 'wrong-password-1');
    await page.waitUntil(() => page.findAll('.field-error').length === 0, 'typing to clear the field errors');

    await page.tap('.btn-submit');
    await page.waitUntil(() => page.findAll('.form-error').length > 0, 'the refusal');

    expect(page.cloud.calls[page.cloud.calls.length - 1]).toEqual({
      name: 'account',
      data: { action: 'signIn', data: { code: 'YY-A-0001', password: 'wrong-password-1' } },
    });
    expect(page.texts('.form-error')).toEqual(['用户名或密码错误']);
    expect(page.valueOf('.field-code')).toBe('YY-A-0001');
  });
});
