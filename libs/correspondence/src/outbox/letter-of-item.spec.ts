import { randomUUID } from 'node:crypto';
import type { CorrespondenceItem } from './correspondence-item';
import { letterOfItem } from './letter-of-item';

const recorded = (): CorrespondenceItem =>
  ({
    id: randomUUID(),
    templateId: 'cases.hearing-listed',
    templateVersion: 1,
    language: 'en',
    subject: 'Your hearing',
    body: 'Your hearing is listed.',
    sections: [{ language: 'en', subject: 'Your hearing', paragraphs: ['Your hearing is listed for 10am.'] }],
    recipient: { name: 'Alex Claimant', addressLines: ['1 High Street', 'Cardiff'], postcode: 'CF10 1AA' },
    reference: '1234-5678-9012-3452',
    createdAt: new Date('2026-12-07T10:00:00Z'),
  }) as unknown as CorrespondenceItem;

describe("an item's letter", () => {
  it('is printed once and read again as the same bytes, however many ask at once', async () => {
    const item = recorded();
    const [a, b] = await Promise.all([letterOfItem(item), letterOfItem(item)]);
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(a.toString('latin1')).toMatch(/\/Type \/Page\b/); // a letter with a page, not an empty document
    expect(b).toBe(a);
    expect(await letterOfItem(item)).toBe(a);
    // Another item is another letter.
    expect(await letterOfItem(recorded())).not.toBe(a);
  });
});
