import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Principal } from '@ccsc/auth';
import { bearer } from '@ccsc/testing';
import { KnowledgeService } from '../src/knowledge/application/knowledge.service';
import type { Language } from '../src/enquiry/domain/enquiry';
import { startQueriesApp } from './queries-app';

const leader: Principal = { sub: 'leader-lee', roles: ['team-leader'] };

/** A small knowledge base, written the way the service centre's articles are. */
const ARTICLES: { key: string; tags: string[]; language: Language; title: string; body: string }[] = [
  {
    key: 'pay-fee',
    tags: ['fees'],
    language: 'en',
    title: 'Paying a court fee',
    body: 'You can pay a court or tribunal fee online by card, by phone, or by cheque or postal order sent with your form. Your fee receipt shows the amount paid.',
  },
  {
    key: 'hwf',
    tags: ['fees'],
    language: 'en',
    title: 'Help with Fees: getting money off court fees',
    body: 'If you have little savings and are on benefits or a low income you may get help paying court and tribunal fees. Apply for Help with Fees before you pay.',
  },
  {
    key: 'refund',
    tags: ['fees'],
    language: 'en',
    title: 'Getting a refund of a court fee',
    body: 'If you paid a fee twice, paid too much, or were granted Help with Fees after paying, you can ask for a refund.',
  },
  {
    key: 'hearing-off',
    tags: ['hearings'],
    language: 'en',
    title: 'If your hearing is adjourned or cancelled',
    body: 'A hearing can be adjourned or cancelled (vacated) by the court. You will be told the reason and the new date. Call us to check if your hearing is going ahead.',
  },
  {
    key: 'adjustments',
    tags: ['hearings'],
    language: 'en',
    title: 'Support and reasonable adjustments at a hearing',
    body: 'Tell the court about any disability or support you need, such as a hearing loop, an interpreter, breaks or step-free access, so reasonable adjustments can be made.',
  },
  {
    key: 'probate-time',
    tags: ['probate'],
    language: 'en',
    title: 'Applying for probate: how long it takes',
    body: 'After you apply for probate it usually takes up to 16 weeks to get the grant of representation, longer if we need more information about the will or the estate.',
  },
  {
    key: 'claim-response',
    tags: ['civil-money-claim'],
    language: 'en',
    title: 'Responding to a money claim',
    body: 'If someone has made a money claim against you, respond within 14 days of receiving the claim form. You can admit the claim, defend it, or make a counterclaim.',
  },
  {
    key: 'solicitor',
    tags: ['general'],
    language: 'en',
    title: 'Changing your legal representative',
    body: 'If you change solicitor or decide to represent yourself, tell the court by filing a notice of change of legal representative.',
  },
  {
    key: 'fine',
    tags: ['criminal-prosecution'],
    language: 'en',
    title: 'Paying a criminal fine',
    body: 'Pay your fine in full by the date on your notice, or ask to pay in weekly or monthly instalments if you cannot afford it. Missing payments leads to enforcement.',
  },
  {
    key: 'benefit-appeal',
    tags: ['social-security-appeal'],
    language: 'en',
    title: 'Appealing a benefit decision to a tribunal',
    body: 'You can appeal a decision about Personal Independence Payment, Universal Credit or other benefits to the social security and child support tribunal after mandatory reconsideration.',
  },
  {
    key: 'divorce-progress',
    tags: ['divorce'],
    language: 'en',
    title: 'Tracking your divorce application',
    body: 'Sign in to your divorce account to see the progress of your application, what you need to do next and when you can apply for the final order.',
  },
  {
    key: 'cy-pay-fee',
    tags: ['fees'],
    language: 'cy',
    title: 'Talu ffi llys',
    body: 'Gallwch dalu ffi llys neu dribiwnlys ar-lein â cherdyn, dros y ffôn, neu gyda siec neu archeb bost.',
  },
  {
    key: 'cy-hwf',
    tags: ['fees'],
    language: 'cy',
    title: 'Help i dalu ffioedd',
    body: 'Os oes gennych ychydig o gynilion ac rydych ar fudd-daliadau neu incwm isel, efallai y cewch help i dalu ffioedd llys.',
  },
  {
    key: 'cy-hearing-off',
    tags: ['hearings'],
    language: 'cy',
    title: 'Os caiff eich gwrandawiad ei ohirio',
    body: 'Gall y llys ohirio neu ganslo gwrandawiad. Byddwn yn dweud wrthych pam a beth yw’r dyddiad newydd.',
  },
  {
    key: 'cy-probate',
    tags: ['probate'],
    language: 'cy',
    title: 'Gwneud cais am brofiant',
    body: 'Ar ôl i chi wneud cais am brofiant, fel arfer mae’n cymryd hyd at 16 wythnos i gael y grant cynrychiolaeth.',
  },
];

/** Realistic questions an officer or a member of the public types, and the article that must come first. */
const RELEVANCE: { query: string; language: Language; top: string }[] = [
  { query: 'how do I pay my court fee', language: 'en', top: 'pay-fee' },
  { query: "I'm on benefits, can I get help paying the fee?", language: 'en', top: 'hwf' },
  { query: 'paid twice want my money back refund', language: 'en', top: 'refund' },
  { query: 'my hearing has been cancelled', language: 'en', top: 'hearing-off' },
  { query: 'is my hearing going ahead', language: 'en', top: 'hearing-off' },
  { query: 'need an interpreter and step-free access', language: 'en', top: 'adjustments' },
  { query: 'how long does probate take', language: 'en', top: 'probate-time' },
  { query: 'someone made a claim against me', language: 'en', top: 'claim-response' },
  { query: 'change solicitor', language: 'en', top: 'solicitor' },
  { query: 'pay fine in instalments', language: 'en', top: 'fine' },
  { query: 'appeal PIP decision', language: 'en', top: 'benefit-appeal' },
  { query: 'divorce application progress', language: 'en', top: 'divorce-progress' },
  { query: 'talu ffi llys', language: 'cy', top: 'cy-pay-fee' },
  { query: 'help i dalu ffioedd', language: 'cy', top: 'cy-hwf' },
  { query: 'gwrandawiad wedi ei ohirio', language: 'cy', top: 'cy-hearing-off' },
  { query: 'sut i wneud cais am brofiant', language: 'cy', top: 'cy-probate' },
];

describe('the knowledge base', () => {
  let app: INestApplication;
  let close: () => Promise<void>;
  let knowledge: KnowledgeService;
  const versionOf = new Map<string, string>();
  const keyOf = new Map<string, string>();

  beforeAll(async () => {
    ({ app, close } = await startQueriesApp());
    knowledge = app.get(KnowledgeService);
    for (const a of ARTICLES) {
      const draft = await knowledge.create(a.tags, a, leader);
      const published = await knowledge.publish(draft.id);
      versionOf.set(a.key, published.id);
      keyOf.set(published.articleId, a.key);
    }
  });
  afterAll(() => close());

  it.each(RELEVANCE)('puts the right article first for "$query" ($language)', async ({ query, language, top }) => {
    const hits = await knowledge.search(query, language, undefined, 5);
    expect(hits.map((h) => keyOf.get(h.articleId))[0]).toBe(top);
    expect(hits.every((h) => h.language === language && h.status === 'published')).toBe(true);
  });

  it('searches only published versions: a new version replaces the old, drafts and retired ones are not found', async () => {
    const fine = (await knowledge.search('pay fine in instalments', 'en', undefined, 1))[0]!;
    const draft = await knowledge.draft(
      fine.articleId,
      {
        language: 'en',
        title: 'Paying a criminal fine',
        body: 'Pay your fine in full or by fortnightly instalments through the fines portal.',
      },
      leader,
    );
    expect(draft).toMatchObject({ status: 'draft', version: 2 });
    expect((await knowledge.search('fortnightly', 'en', undefined, 5)).length).toBe(0);
    await knowledge.publish(draft.id);
    expect((await knowledge.search('fortnightly', 'en', undefined, 5)).map((h) => h.id)).toEqual([draft.id]);
    expect((await knowledge.versions(fine.articleId)).map((v) => [v.version, v.status])).toEqual([
      [1, 'retired'],
      [2, 'published'],
    ]);
    await knowledge.retire(draft.id);
    expect((await knowledge.search('fortnightly', 'en', undefined, 5)).length).toBe(0);
    await expect(knowledge.publish(draft.id)).rejects.toThrow('The version is retired');
  });

  it('filters by service, refuses unknown services, and counts "did this help?"', async () => {
    const probate = await knowledge.search('how long', 'en', 'probate', 5);
    expect(probate.map((h) => keyOf.get(h.articleId))).toEqual(['probate-time']);
    await expect(knowledge.search('fee', 'en', 'parking', 5)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    const payFee = versionOf.get('pay-fee')!;
    await knowledge.feedback(payFee, true, leader);
    expect(await knowledge.feedback(payFee, false, { ...leader, sub: 'another-leader' })).toMatchObject({
      helpful: 1,
      notHelpful: 1,
      signposted: 0,
    });
    // Once a reader: answering again changes their answer.
    expect(await knowledge.feedback(payFee, false, leader)).toMatchObject({ helpful: 0, notHelpful: 2 });
  });

  it('answers the same search over REST and GraphQL, for the public too', async () => {
    const citizen = await bearer('citizen', { sub: 'citizen-carys' });
    const rest = await request(app.getHttpServer())
      .get('/api/v1/queries/knowledge/search')
      .query({ text: 'how do I pay my court fee', limit: 3 })
      .set('Authorization', citizen)
      .expect(200);
    expect(keyOf.get(rest.body[0].article.articleId)).toBe('pay-fee');
    const gql = await request(app.getHttpServer())
      .post('/graphql')
      .set('Authorization', citizen)
      .send({
        query:
          '{ searchKnowledge(text: "talu ffi llys", language: "cy", first: 2) { rank article { title language } } }',
      })
      .expect(200);
    expect(gql.body.data.searchKnowledge[0].article).toEqual({ title: 'Talu ffi llys', language: 'cy' });
    const bad = await request(app.getHttpServer())
      .post('/graphql')
      .set('Authorization', citizen)
      .send({ query: '{ searchKnowledge(text: "x", language: "fr") { rank } }' })
      .expect(200);
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const write = await request(app.getHttpServer())
      .post('/graphql')
      .set('Authorization', citizen)
      .send({
        query:
          'mutation { createKnowledgeArticle(input: { serviceTags: ["fees"], language: "en", title: "t", body: "b" }) { id } }',
      })
      .expect(200);
    expect(write.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
