import type { Principal } from '@ccsc/auth';
import { documentReceivedV1, documentReceivedV2 } from '@ccsc/contracts';
import type { Transaction, UnitOfWork } from '@ccsc/messaging';
import { Case } from '../../case/domain/case';
import type { CaseRepository } from '../../case/infrastructure/case.repository';
import type { CaseDocument } from '../domain/case-document';
import type { DocumentRepository } from '../infrastructure/document.repository';
import { DocumentCommands, type ReceiveDocumentCommand } from './document.commands';

const caseworker: Principal = { sub: 'caseworker-sam', roles: ['caseworker'] };
const now = new Date('2031-07-14T09:00:00Z');

/** DocumentCommands on a probate case, with what it stores and publishes kept to look at. */
function documentsOfAProbateCase() {
  const probate = Case.create({
    caseType: 'probate',
    parties: [{ role: 'applicant', kind: 'person', name: 'Siân Jones' }],
    createdBy: 'caseworker-sam',
    now,
  });
  const stored: CaseDocument[] = [];
  const published: { type: unknown; subject: string; data: unknown }[] = [];
  const work = {
    run: (_context: unknown, body: (tx: Transaction) => Promise<unknown>) =>
      body({ manager: {}, publish: (...events: typeof published) => published.push(...events) } as never),
  } as unknown as UnitOfWork;
  const cases = { findVisibleForUpdate: async () => probate } as unknown as CaseRepository;
  const documents = {
    insert: async (_m: unknown, d: CaseDocument) => void stored.push(d),
  } as unknown as DocumentRepository;
  return { probate, stored, published, commands: new DocumentCommands(work, cases, documents) };
}

const scan = (more: Partial<ReceiveDocumentCommand> = {}): ReceiveDocumentCommand => ({
  title: 'Ewyllys',
  documentType: 'will',
  channel: 'bulk-scan',
  storeReference: 'dm-store://scan/1',
  ...more,
});

describe('receiving a document', () => {
  it("stores its language and publishes it with the case's type, for the work queue to route the review", async () => {
    const { probate, stored, published, commands } = documentsOfAProbateCase();
    const document = await commands.receive(probate.id, scan({ language: 'cy' }), caseworker, undefined, now);

    expect(document).toMatchObject({ language: 'cy', status: 'pending-review' });
    expect(stored).toEqual([document]);
    expect(published).toEqual([
      {
        type: documentReceivedV2,
        subject: probate.id,
        data: {
          caseId: probate.id,
          documentId: document.id,
          documentType: 'will',
          channel: 'bulk-scan',
          status: 'pending-review',
          language: 'cy',
          caseType: 'probate',
        },
      },
    ]);
    expect(documentReceivedV2.check(published[0].data)).toEqual([]);
  });

  it('takes a document given no language (or null, from GraphQL) as English', async () => {
    const { probate, stored, published, commands } = documentsOfAProbateCase();
    await commands.receive(probate.id, scan(), caseworker, undefined, now);
    await commands.receive(probate.id, scan({ language: null }), caseworker, undefined, now);

    expect(stored.map((d) => d.language)).toEqual(['en', 'en']);
    expect(published.map((e) => e.data)).toEqual([
      expect.objectContaining({ language: 'en', caseType: 'probate' }),
      expect.objectContaining({ language: 'en', caseType: 'probate' }),
    ]);
  });
});

const received = {
  caseId: '6f1c2a9e-0b7d-4c8e-9f10-2a3b4c5d6e7f',
  documentId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  documentType: 'will',
  channel: 'bulk-scan',
  status: 'pending-review',
};

describe('cases.document-received.v2', () => {
  it('takes English or Welsh, and a case type code', () => {
    expect(documentReceivedV2.check({ ...received, language: 'en', caseType: 'civil-money-claim' })).toEqual([]);
    expect(documentReceivedV2.check({ ...received, language: 'cy', caseType: 'probate' })).toEqual([]);
  });

  it('requires both: the work queue routes the review by them', () => {
    const fieldsMissing = (data: object) => [...new Set(documentReceivedV2.check(data).map((e) => e.field))];
    expect(fieldsMissing(received).sort()).toEqual(['caseType', 'language']);
    expect(fieldsMissing({ ...received, language: 'cy' })).toEqual(['caseType']);
    expect(fieldsMissing({ ...received, caseType: 'probate' })).toEqual(['language']);
  });

  it('refuses any other language, and a case type that is empty, too long or not text', () => {
    const fieldsWrong = (data: object) => [
      ...new Set(
        documentReceivedV2.check({ ...received, language: 'en', caseType: 'probate', ...data }).map((e) => e.field),
      ),
    ];
    for (const language of ['fr', 'CY', '', 7]) expect(fieldsWrong({ language })).toEqual(['language']);
    for (const caseType of ['', 'x'.repeat(65), 7]) expect(fieldsWrong({ caseType })).toEqual(['caseType']);
  });
});

describe('cases.document-received.v1', () => {
  it('keeps its shape, so a consumer not yet redeployed still reads the v1 events stored and in flight', () => {
    expect(documentReceivedV1.check(received)).toEqual([]);
  });

  it('refuses the fields v2 added, as such a consumer would: they travel on v2 only', () => {
    expect(
      documentReceivedV1
        .check({ ...received, language: 'cy', caseType: 'probate' })
        .map((e) => e.field)
        .sort(),
    ).toEqual(['caseType', 'language']);
  });
});
