import { canManageAccount, issuableRole } from '../../shared/domain/account-management';

const office = { id: 'o', role: 'office' as const, level: null, unitPath: '/root/' };
const admin1 = { id: 'a1', role: 'admin' as const, level: 1 as const, unitPath: '/root/t/' };
const peerAdmin1 = { id: 'a1b', role: 'admin' as const, level: 1 as const, unitPath: '/root/t/' };
const admin2 = { id: 'a2', role: 'admin' as const, level: 2 as const, unitPath: '/root/t/b/' };
const collective = { id: 'c', role: 'collective' as const, level: null, unitPath: '/root/t/b/s/' };
const outside = { id: 'x', role: 'collective' as const, level: null, unitPath: '/root/county/' };

describe('who manages which account', () => {
  test('the office manages admins and collectives anywhere, but not itself', () => {
    expect(canManageAccount(office, admin1)).toBe(true);
    expect(canManageAccount(office, outside)).toBe(true);
    expect(canManageAccount(office, office)).toBe(false);
  });

  test('a level-1 admin manages lower admins and collectives of its branch', () => {
    expect(canManageAccount(admin1, admin2)).toBe(true);
    expect(canManageAccount(admin1, collective)).toBe(true);
  });

  test('a level-1 admin manages neither a peer level-1 admin nor anything one branch over', () => {
    expect(canManageAccount(admin1, peerAdmin1)).toBe(false);
    expect(canManageAccount(admin1, outside)).toBe(false);
  });

  test('level-2 and level-3 admins manage no accounts', () => {
    expect(canManageAccount(admin2, collective)).toBe(false);
  });
});

describe('which accounts may be issued for a unit', () => {
  test('a collective account may be issued at any level from 1 to 3', () => {
    expect(issuableRole(admin1, 'collective', 1)).toEqual({ ok: true, level: null });
    expect(issuableRole(admin1, 'collective', 3)).toEqual({ ok: true, level: null });
  });

  test('an admin account takes the level of its unit', () => {
    expect(issuableRole(office, 'admin', 1)).toEqual({ ok: true, level: 1 });
    expect(issuableRole(admin1, 'admin', 3)).toEqual({ ok: true, level: 3 });
  });

  test('a level-1 admin cannot issue another level-1 admin', () => {
    expect(issuableRole(admin1, 'admin', 1).ok).toBe(false);
  });

  test('nobody issues accounts at the office root', () => {
    expect(issuableRole(office, 'collective', 0).ok).toBe(false);
  });
});
