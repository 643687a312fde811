import { isStrongPassword } from '../../shared/domain/password-policy';

describe('password strength', () => {
  test.each([
    ['Abcdefg1', true],
    ['abcdefg1', true],
    ['Abcdef1', false], // seven characters
    ['abcdefgh', false], // no digit
    ['12345678', false], // no letter
    ['', false],
  ])('%p is strong: %p', (password, strong) => {
    expect(isStrongPassword(password)).toBe(strong);
  });
});
