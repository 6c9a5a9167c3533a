import { suggest, type TriageRule } from './triage-rule';

const rule = (overrides: Partial<TriageRule>): TriageRule => ({
  id: 'r',
  position: 100,
  category: null,
  keywords: [],
  queueId: 'general',
  priority: null,
  articleIds: [],
  active: true,
  ...overrides,
});

const rules = [
  rule({ id: 'hearing', position: 10, category: 'hearing', queueId: 'civil', priority: 'urgent', articleIds: ['a1'] }),
  rule({ id: 'fees', position: 20, keywords: ['help with fees', 'fee', 'ffi'], queueId: 'fees', articleIds: ['a2'] }),
  rule({ id: 'old', position: 5, keywords: ['fee'], queueId: 'general', active: false }),
];

describe('triage rules', () => {
  it('takes the first active rule by position whose category and words match', () => {
    expect(
      suggest(rules, { category: 'hearing', text: 'Is my fee paid?', priority: 'normal', language: 'en' }),
    ).toEqual({
      ruleId: 'hearing',
      queueId: 'civil',
      priority: 'urgent',
      articleIds: ['a1'],
    });
    expect(
      suggest(rules, { category: null, text: 'Can I get Help  with Fees?', priority: 'normal', language: 'en' }),
    ).toMatchObject({
      ruleId: 'fees',
      queueId: 'fees',
    });
    expect(
      suggest(rules, { category: null, text: 'Faint yw’r ffi?', priority: 'normal', language: 'en' }),
    ).toMatchObject({
      ruleId: 'fees',
    });
  });

  it('matches whole words only', () => {
    expect(
      suggest(rules, { category: null, text: 'Some feedback on the website', priority: 'normal', language: 'en' }),
    ).toEqual({
      ruleId: null,
      queueId: 'general',
      priority: 'normal',
      articleIds: [],
    });
  });

  it('never lowers the priority an enquiry came in with', () => {
    expect(suggest(rules, { category: null, text: 'fee', priority: 'urgent', language: 'en' }).priority).toBe('urgent');
  });

  it('sends every enquiry in Welsh to the Welsh queue, keeping the priority and articles its rule gives', () => {
    expect(
      suggest(rules, {
        category: 'hearing',
        text: 'Ydy fy ngwrandawiad yn mynd ymlaen?',
        priority: 'normal',
        language: 'cy',
      }),
    ).toEqual({
      ruleId: 'hearing',
      queueId: 'welsh',
      priority: 'urgent',
      articleIds: ['a1'],
    });
    expect(suggest(rules, { category: null, text: 'Helo', priority: 'normal', language: 'cy' })).toMatchObject({
      ruleId: null,
      queueId: 'welsh',
    });
  });
});
