import { oneTimePassword, PasswordHasher } from '../../cloudfunctions/app/security/passwords';
import { isStrongPassword } from '../../shared/domain/password-policy';

describe('password hashing', () => {
  const hasher = new PasswordHasher(10);

  test('a hash verifies its password and no other, and never contains it', async () => {
    const hash = await hasher.hash('Secret123');
    expect(hash).not.toContain('Secret123');
    expect(hash.startsWith('scrypt$1024$8$1$')).toBe(true);
    await expect(hasher.verify('Secret123', hash)).resolves.toBe(true);
    await expect(hasher.verify('Secret124', hash)).resolves.toBe(false);
  });

  test('a hash made at a lower cost still verifies after the cost is raised', async () => {
    const old = await hasher.hash('Secret123');
    await expect(new PasswordHasher(11).verify('Secret123', old)).resolves.toBe(true);
  });

  test('one-time passwords are ten readable characters that would pass the strength rule', () => {
    const passwords = new Set(Array.from({ length: 200 }, oneTimePassword));
    expect(passwords.size).toBe(200);
    for (const p of passwords) {
      expect(p).toMatch(/^[A-HJ-NP-Za-hj-km-np-z2-9]{10}$/);
      expect(isStrongPassword(p)).toBe(true);
    }
  });
});
