import { loadTemplates, TemplateSetError, UnknownTemplateError } from './load-templates';
import type { TemplateDefinition } from './template-definition';

const receipt: TemplateDefinition = {
  id: 'payments.test-receipt',
  version: 1,
  description: 'A receipt, for the checks',
  channels: ['email', 'sms'],
  placeholders: {
    payerName: { kind: 'text', description: 'Who paid' },
    amount: { kind: 'money', description: 'How much' },
  },
  wording: {
    en: { subject: 'Receipt', body: 'Dear ((payerName))\n\nWe received ((amount)).', sms: 'We received ((amount)).' },
    cy: { subject: 'Derbynneb', body: 'Annwyl ((payerName))\n\nCawsom ((amount)).', sms: 'Cawsom ((amount)).' },
  },
};

function problemsOf(...definitions: TemplateDefinition[]): readonly string[] {
  try {
    loadTemplates(definitions);
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateSetError);
    return (error as TemplateSetError).problems;
  }
  throw new Error('loadTemplates accepted the set');
}

function withWording(language: 'en' | 'cy', change: Partial<TemplateDefinition['wording']['en']>): TemplateDefinition {
  return { ...receipt, wording: { ...receipt.wording, [language]: { ...receipt.wording[language], ...change } } };
}

describe('loadTemplates', () => {
  it('accepts a sound template and hands it back frozen', () => {
    const set = loadTemplates([receipt]);

    const template = set.get('payments.test-receipt');
    expect(template.wording.cy.subject).toBe('Derbynneb');
    expect(Object.isFrozen(template.wording.cy)).toBe(true);
  });

  it('refuses a placeholder the template does not declare, naming the template', () => {
    const problems = problemsOf(
      withWording('en', { body: 'Dear ((payerName))\n\nWe received ((amount)) on ((paidOn)).' }),
    );

    expect(problems).toEqual([
      'payments.test-receipt version 1: its English body uses an undeclared placeholder ((paidOn))',
    ]);
  });

  it('refuses a declared placeholder that one language does not use, naming the template', () => {
    const problems = problemsOf(withWording('cy', { body: 'Annwyl ((payerName))\n\nDiolch am eich taliad.' }));

    expect(problems).toEqual([
      'payments.test-receipt version 1: its Welsh version does not use the declared placeholder ((amount))',
    ]);
  });

  it('lets the text message leave a placeholder out, to stay short', () => {
    expect(() => loadTemplates([withWording('cy', { sms: 'Diolch am eich taliad.' })])).not.toThrow();
  });

  it('refuses a template without its Welsh version', () => {
    const englishOnly = { ...receipt, wording: { en: receipt.wording.en } } as unknown as TemplateDefinition;

    expect(problemsOf(englishOnly)).toEqual(['payments.test-receipt version 1: has no Welsh version']);
  });

  it('refuses a Welsh version that is a copy of the English', () => {
    expect(problemsOf(withWording('cy', { body: receipt.wording.en.body }))).toContain(
      'payments.test-receipt version 1: its Welsh body is a copy of the English',
    );
  });

  it('refuses malformed placeholders rather than print them', () => {
    const problems = problemsOf(
      withWording('en', {
        subject: 'Receipt for ((payer name))',
        body: 'Dear ((payerName))\n\nWe received ((amount).',
      }),
    );

    expect(problems).toEqual(
      expect.arrayContaining([
        'payments.test-receipt version 1: its English subject has a malformed placeholder ((payer name))',
        'payments.test-receipt version 1: its English body has a malformed placeholder an unpaired "((" or "))"',
      ]),
    );
  });

  it('refuses a template that goes by SMS without a text message in each language', () => {
    const { sms: _sms, ...welshWithoutSms } = receipt.wording.cy;
    const problems = problemsOf({ ...receipt, wording: { ...receipt.wording, cy: welshWithoutSms } });

    expect(problems).toEqual(['payments.test-receipt version 1: goes by SMS but has no Welsh text message']);
  });

  it('refuses an unknown placeholder kind, a duplicate version, and lists every problem at once', () => {
    const badKind = {
      ...receipt,
      id: 'payments.test-other',
      placeholders: { ...receipt.placeholders, amount: { kind: 'pounds', description: 'How much' } },
    } as unknown as TemplateDefinition;

    expect(problemsOf(receipt, receipt, badKind)).toEqual([
      'payments.test-receipt version 1: is defined twice',
      'payments.test-other version 1: placeholder ((amount)) has an unknown kind "pounds"',
    ]);
  });

  it('keeps every version: the latest for new items, an older one to show what was sent', () => {
    const second = withWording('en', { subject: 'Your receipt' });
    const set = loadTemplates([{ ...second, version: 2 }, receipt]);

    expect(set.get('payments.test-receipt').wording.en.subject).toBe('Your receipt');
    expect(set.get('payments.test-receipt', 1).wording.en.subject).toBe('Receipt');
    expect(set.latest().map((t) => t.version)).toEqual([2]);
    expect(() => set.get('payments.test-receipt', 3)).toThrow(UnknownTemplateError);
    expect(() => set.get('payments.unknown')).toThrow('No correspondence template payments.unknown');
  });
});
