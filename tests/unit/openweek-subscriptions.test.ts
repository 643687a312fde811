import { MAX_TEMPLATES_PER_REQUEST, signupTemplateIds } from '../../shared/domain/openweek/subscriptions';

const ALL = { reminder: 'tpl-reminder', promotion: 'tpl-promotion', change: 'tpl-change' };
const NONE = { reminder: '', promotion: '', change: '' };

describe('which subscribe-message templates signing up asks for', () => {
  test('an event with seats left asks for the reminder and the change template, not the promotion', () => {
    expect(signupTemplateIds({ full: false, requiresApproval: false }, ALL)).toEqual(['tpl-reminder', 'tpl-change']);
  });

  test('a full event (the visitor will wait) asks for the promotion first', () => {
    expect(signupTemplateIds({ full: true, requiresApproval: false }, ALL)).toEqual(['tpl-promotion', 'tpl-reminder', 'tpl-change']);
  });

  test('an event needing approval asks for the change template, which carries the decision, before the reminder', () => {
    expect(signupTemplateIds({ full: false, requiresApproval: true }, ALL)).toEqual(['tpl-change', 'tpl-reminder']);
  });

  test('a full event needing approval asks for all three, which is the most one request may carry', () => {
    const ids = signupTemplateIds({ full: true, requiresApproval: true }, ALL);
    expect(ids).toEqual(['tpl-promotion', 'tpl-change', 'tpl-reminder']);
    expect(ids).toHaveLength(MAX_TEMPLATES_PER_REQUEST);
    expect(MAX_TEMPLATES_PER_REQUEST).toBe(3);
  });

  test('never more than 3, whatever the situation', () => {
    for (const full of [false, true]) {
      for (const requiresApproval of [false, true]) {
        expect(signupTemplateIds({ full, requiresApproval }, ALL).length).toBeLessThanOrEqual(3);
      }
    }
  });

  test('templates that were not configured are skipped; with none configured nothing is asked', () => {
    expect(signupTemplateIds({ full: true, requiresApproval: true }, { ...ALL, promotion: '', change: ' ' })).toEqual(['tpl-reminder']);
    expect(signupTemplateIds({ full: true, requiresApproval: true }, NONE)).toEqual([]);
  });

  test('one template id configured for two purposes is asked once (WeChat would show it once anyway)', () => {
    expect(signupTemplateIds({ full: true, requiresApproval: false }, { reminder: 'tpl-same', promotion: 'tpl-same', change: 'tpl-change' })).toEqual(['tpl-same', 'tpl-change']);
  });
});
