import { codeOfScene, POSTER_PAGE, sceneOf } from '../../shared/domain/evaluation/poster';

describe('the scene of a poster’s mini-program code', () => {
  test('is the public code itself, which fits WeChat’s 32 characters', () => {
    expect(sceneOf('k7mq2xw9pa')).toBe('k7mq2xw9pa');
    expect(sceneOf('a'.repeat(32))).toHaveLength(32);
  });

  test('refuses anything that is not a public code: an upper-case account code, a query, or more than 32 characters', () => {
    expect(() => sceneOf('TS0001')).toThrow('not a public code');
    expect(() => sceneOf('code=k7mq2xw9pa')).toThrow();
    expect(() => sceneOf('a'.repeat(33))).toThrow();
    expect(() => sceneOf('')).toThrow();
  });

  test('read back on the page it opens, URL-encoded or not, names the collective’s code', () => {
    expect(codeOfScene('k7mq2xw9pa')).toBe('k7mq2xw9pa');
    expect(codeOfScene(encodeURIComponent('k7mq2xw9pa'))).toBe('k7mq2xw9pa');
    expect(POSTER_PAGE).toBe('events/collective');
  });

  test('a launch without a scene, or with one that is not a public code, names nothing', () => {
    expect(codeOfScene(undefined)).toBeNull();
    expect(codeOfScene('')).toBeNull();
    expect(codeOfScene('%E0%A4%A')).toBeNull();
    expect(codeOfScene('id%3D42')).toBeNull();
    expect(codeOfScene('TS0001')).toBeNull();
  });
});
