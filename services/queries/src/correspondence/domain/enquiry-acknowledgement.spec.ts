import { loadTemplates, render } from '@ccsc/correspondence';
import {
  ACKNOWLEDGEMENT_RECIPIENT_PLACEHOLDER,
  acknowledgementValues,
  ENQUIRY_ACKNOWLEDGED,
  targetDay,
} from './enquiry-acknowledgement';

describe('targetDay', () => {
  it("is the resolution clock's due day in London", () => {
    const clocks = [
      { clock: 'first-response' as const, dueAt: new Date('2026-03-02T12:00:00Z') },
      // 23:30 UTC in summer is the next day in London.
      { clock: 'resolution' as const, dueAt: new Date('2026-07-09T23:30:00Z') },
    ];
    expect(targetDay(clocks)).toBe('2026-07-10');
  });
  it("falls back to the first response's day, and to nothing without a running clock", () => {
    expect(targetDay([{ clock: 'first-response', dueAt: new Date('2026-03-02T12:00:00Z') }])).toBe('2026-03-02');
    expect(targetDay([{ clock: 'resolution', dueAt: null }])).toBeUndefined();
    expect(targetDay([])).toBeUndefined();
  });
});

describe('acknowledgementValues', () => {
  it('fills every placeholder of the template with the name the recorder adds', () => {
    const template = loadTemplates().get(ENQUIRY_ACKNOWLEDGED);
    const values = acknowledgementValues(
      { reference: 'ENQ-0000123', receivedAt: new Date('2026-12-06T10:00:00Z') },
      '2026-12-18',
    );
    const text = render(template, 'cy', { ...values, [ACKNOWLEDGEMENT_RECIPIENT_PLACEHOLDER]: 'Siân Llŷr' });
    expect(text.body).toContain('ENQ-0000123');
    expect(text.body).toContain('6 Rhagfyr 2026');
    expect(text.body).toContain('18 Rhagfyr 2026');
    expect(text.sms).toContain('ENQ-0000123');
  });
});
