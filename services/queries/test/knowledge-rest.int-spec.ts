import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bearer } from '@ccsc/testing';
import { enquiry, startQueriesApp } from './queries-app';
import { expectDocumented, expectProblem, restAndGraphQL, type Loose } from './rest-parity';

const NOWHERE = '0b6f3f64-9d59-4c39-a4f5-8d2a4a6c2e11';

describe('the knowledge base kept over REST', () => {
  let app: INestApplication;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let api: ReturnType<typeof restAndGraphQL>;
  let officer: string;
  let leader: string;
  let citizen: string;
  let otherCitizen: string;

  beforeAll(async () => {
    ({ app, dataSource, close } = await startQueriesApp());
    api = restAndGraphQL(app, dataSource);
    [officer, leader, citizen, otherCitizen] = await Promise.all([
      bearer('caseworker', { sub: 'officer-1' }),
      bearer('team-leader', { sub: 'leader-lee' }),
      bearer('citizen', { sub: 'citizen-carys' }),
      bearer('citizen', { sub: 'citizen-dai' }),
    ]);
  });
  afterAll(() => close());

  const get = (path: string, who: string) => api.http().get(path).set('Authorization', who);
  const post = (path: string, who: string, body: unknown = {}) =>
    api
      .http()
      .post(path)
      .set('Authorization', who)
      .send(body as object);
  const article = {
    language: 'en',
    title: 'Bringing an interpreter to a hearing',
    body: 'Ask the court for an interpreter as soon as you are told the hearing date.',
    serviceTags: ['hearings'],
  };
  const CREATE = 'mutation($i: CreateKnowledgeArticleInput!) { createKnowledgeArticle(input: $i) { id } }';
  const DRAFT = 'mutation($i: DraftKnowledgeArticleVersionInput!) { draftKnowledgeArticleVersion(input: $i) { id } }';
  const PUBLISH = 'mutation($v: ID!) { publishKnowledgeArticleVersion(versionId: $v) { id } }';
  const RETIRE = 'mutation($v: ID!) { retireKnowledgeArticleVersion(versionId: $v) { id } }';
  const RATE = 'mutation($i: RateKnowledgeArticleInput!) { rateKnowledgeArticle(input: $i) { helpful } }';
  const search = async (text: string, language = 'en') =>
    (await get(`/api/v1/queries/knowledge/search?text=${encodeURIComponent(text)}&language=${language}`, citizen))
      .body as { article: Loose }[];

  it('writes an article, drafts a Welsh version, publishes and retires them, as GraphQL does', async () => {
    const created = await post('/api/v1/queries/knowledge/articles', leader, article).expect(201);
    expect(created.body).toMatchObject({
      title: article.title,
      status: 'draft',
      version: 1,
      serviceTags: ['hearings'],
    });
    const { articleId, id: english } = created.body as { articleId: string; id: string };
    expect(created.headers.location).toBe(`/api/v1/queries/knowledge/articles/${articleId}`);

    const welsh = await post(`/api/v1/queries/knowledge/articles/${articleId}/versions`, leader, {
      language: 'cy',
      title: 'Dod â chyfieithydd i wrandawiad',
      body: 'Gofynnwch i’r llys am gyfieithydd cyn gynted ag y cewch ddyddiad y gwrandawiad.',
    }).expect(201);
    expect(welsh.body).toMatchObject({ articleId, language: 'cy', status: 'draft' });

    const versions = await get(`/api/v1/queries/knowledge/articles/${articleId}`, officer).expect(200);
    expect(versions.body).toEqual(
      (
        await api.ok(
          'query($id: ID!) { knowledgeArticle(id: $id) { id articleId version language title body status serviceTags publishedAt } }',
          { id: articleId },
          officer,
        )
      ).knowledgeArticle,
    );
    expect(versions.body.map((v: Loose) => [v.language, v.status])).toEqual(
      expect.arrayContaining([
        ['en', 'draft'],
        ['cy', 'draft'],
      ]),
    );

    expect(await search('interpreter')).toEqual([]);
    const published = await post(`/api/v1/queries/knowledge/versions/${english}/publication`, leader).expect(200);
    expect(published.body).toMatchObject({ id: english, status: 'published', publishedAt: expect.any(String) });
    await post(`/api/v1/queries/knowledge/versions/${welsh.body.id}/publication`, leader).expect(200);
    expect((await search('interpreter')).map((h) => h.article.id)).toEqual([english]);

    const retired = await post(`/api/v1/queries/knowledge/versions/${english}/retirement`, leader).expect(200);
    expect(retired.body).toMatchObject({ id: english, status: 'retired' });
    expect(await search('interpreter')).toEqual([]);
  });

  it('refuses article upkeep as GraphQL does, and bad input with 400 problem+json, changing nothing', async () => {
    const draft = (await post('/api/v1/queries/knowledge/articles', leader, article).expect(201)).body as Loose;
    const retired = (await post('/api/v1/queries/knowledge/articles', leader, article).expect(201)).body as Loose;
    await post(`/api/v1/queries/knowledge/versions/${retired.id}/retirement`, leader).expect(200);
    const before = await api.store();

    const refusals: [string, string, Record<string, unknown>, string, string, unknown][] = [
      ['FORBIDDEN', CREATE, { i: article }, officer, '/api/v1/queries/knowledge/articles', article],
      [
        'BAD_USER_INPUT',
        CREATE,
        { i: { ...article, title: '   ' } },
        leader,
        '/api/v1/queries/knowledge/articles',
        { ...article, title: '   ' },
      ],
      [
        'FORBIDDEN',
        DRAFT,
        { i: { articleId: draft.articleId, language: 'en', title: 'T', body: 'B' } },
        officer,
        `/api/v1/queries/knowledge/articles/${draft.articleId}/versions`,
        { language: 'en', title: 'T', body: 'B' },
      ],
      [
        'NOT_FOUND',
        DRAFT,
        { i: { articleId: NOWHERE, language: 'en', title: 'T', body: 'B' } },
        leader,
        `/api/v1/queries/knowledge/articles/${NOWHERE}/versions`,
        { language: 'en', title: 'T', body: 'B' },
      ],
      [
        'FORBIDDEN',
        PUBLISH,
        { v: draft.id },
        officer,
        `/api/v1/queries/knowledge/versions/${draft.id}/publication`,
        {},
      ],
      ['NOT_FOUND', PUBLISH, { v: NOWHERE }, leader, `/api/v1/queries/knowledge/versions/${NOWHERE}/publication`, {}],
      [
        'CONFLICT',
        PUBLISH,
        { v: retired.id },
        leader,
        `/api/v1/queries/knowledge/versions/${retired.id}/publication`,
        {},
      ],
      [
        'CONFLICT',
        RETIRE,
        { v: retired.id },
        leader,
        `/api/v1/queries/knowledge/versions/${retired.id}/retirement`,
        {},
      ],
      ['NOT_FOUND', RETIRE, { v: NOWHERE }, leader, `/api/v1/queries/knowledge/versions/${NOWHERE}/retirement`, {}],
    ];
    for (const [code, operation, variables, who, path, body] of refusals) {
      expect(await api.code(operation, variables, who)).toBe(code);
      expectProblem(await post(path, who, body), code);
    }
    for (const [path, body] of [
      ['/api/v1/queries/knowledge/articles', { ...article, serviceTags: ['astrology'] }],
      ['/api/v1/queries/knowledge/articles', { ...article, serviceTags: [] }],
      ['/api/v1/queries/knowledge/articles', { ...article, language: 'fr' }],
      ['/api/v1/queries/knowledge/articles', { ...article, title: 'x'.repeat(301) }],
      ['/api/v1/queries/knowledge/articles', { ...article, status: 'published' }],
      [`/api/v1/queries/knowledge/articles/${draft.articleId}/versions`, { language: 'en', title: 'T' }],
      [`/api/v1/queries/knowledge/articles/${draft.articleId}/versions`, { ...article }],
      ['/api/v1/queries/knowledge/articles/not-an-id/versions', { language: 'en', title: 'T', body: 'B' }],
      ['/api/v1/queries/knowledge/versions/not-an-id/publication', {}],
      ['/api/v1/queries/knowledge/versions/not-an-id/retirement', {}],
    ] as const) {
      expectProblem(await post(path, leader, body), 'BAD_USER_INPUT');
    }
    expect(await api.store()).toEqual(before);

    for (const [code, query, variables, path] of [
      [
        'NOT_FOUND',
        'query($id: ID!) { knowledgeArticle(id: $id) { id } }',
        { id: NOWHERE },
        `/api/v1/queries/knowledge/articles/${NOWHERE}`,
      ],
      [
        'BAD_USER_INPUT',
        'query($id: ID!) { knowledgeArticle(id: $id) { id } }',
        { id: 'x' },
        '/api/v1/queries/knowledge/articles/x',
      ],
    ] as const) {
      expect(await api.code(query, variables, officer)).toBe(code);
      expectProblem(await get(path, officer), code);
    }
    expect(
      await api.code('query($id: ID!) { knowledgeArticle(id: $id) { id } }', { id: draft.articleId }, citizen),
    ).toBe('FORBIDDEN');
    expectProblem(await get(`/api/v1/queries/knowledge/articles/${draft.articleId}`, citizen), 'FORBIDDEN');
  });

  it('takes "did this help?" from the public too, and gives the figures as GraphQL does', async () => {
    const created = (await post('/api/v1/queries/knowledge/articles', leader, article).expect(201)).body as Loose;
    const draft = (
      await post(`/api/v1/queries/knowledge/articles/${created.articleId}/versions`, leader, {
        language: 'en',
        title: 'Interpreters: a new draft',
        body: 'Not yet published.',
      }).expect(201)
    ).body as Loose;
    await post(`/api/v1/queries/knowledge/versions/${created.id}/publication`, leader).expect(200);
    const mine = (await post('/api/v1/queries/enquiries', citizen, enquiry({ subject: 'Interpreter' })).expect(201))
      .body.id as string;

    const before = await api.store();
    for (const [code, versionId, input, who] of [
      ['BAD_USER_INPUT', draft.id, { helpful: true }, citizen],
      ['NOT_FOUND', NOWHERE, { helpful: true }, citizen],
      ['BAD_USER_INPUT', created.id, { helpful: true, enquiryId: mine }, otherCitizen],
    ] as const) {
      expect(await api.code(RATE, { i: { versionId, ...input } }, who)).toBe(code);
      expectProblem(await post(`/api/v1/queries/knowledge/versions/${versionId}/ratings`, who, input), code);
    }
    for (const body of [
      {},
      { helpful: 'yes' },
      { helpful: true, enquiryId: 'mine' },
      { helpful: true, versionId: created.id },
    ]) {
      expectProblem(
        await post(`/api/v1/queries/knowledge/versions/${created.id}/ratings`, citizen, body),
        'BAD_USER_INPUT',
      );
    }
    expect(await api.store()).toEqual(before);

    // A reader counts once per version and enquiry, answering again changes the answer; a citizen is answered
    // with their own answer, never the article's figures (those are officers', as its stats are).
    const rate = (who: string, body: object) =>
      post(`/api/v1/queries/knowledge/versions/${created.id}/ratings`, who, body).expect(201);
    for (const helpful of [true, false, false, false]) {
      const rated = await rate(citizen, { helpful, enquiryId: mine });
      expect(rated.body).toEqual({
        articleId: created.articleId,
        helpful: helpful ? 1 : 0,
        notHelpful: helpful ? 0 : 1,
        signposted: 0,
      });
    }
    await rate(citizen, { helpful: true });
    expect(await api.ok(RATE, { i: { versionId: created.id, helpful: true } }, citizen)).toEqual({
      rateKnowledgeArticle: { helpful: 1 },
    });
    const figures = await rate(officer, { helpful: false });
    expect(figures.body).toEqual({ articleId: created.articleId, helpful: 1, notHelpful: 2, signposted: 0 });

    const stats = await get(`/api/v1/queries/knowledge/articles/${created.articleId}/stats`, officer).expect(200);
    expect(stats.body).toEqual(figures.body);
    const graphql = await api.ok(
      'query($ids: [ID!]!) { knowledgeArticleStats(ids: $ids) { articleId helpful notHelpful signposted } }',
      { ids: [created.articleId] },
      officer,
    );
    expect(graphql.knowledgeArticleStats).toEqual([stats.body]);
    expectProblem(await get(`/api/v1/queries/knowledge/articles/${NOWHERE}/stats`, officer), 'NOT_FOUND');
    expectProblem(await get('/api/v1/queries/knowledge/articles/x/stats', officer), 'BAD_USER_INPUT');
    expect(
      await api.code(
        'query($ids: [ID!]!) { knowledgeArticleStats(ids: $ids) { helpful } }',
        { ids: [created.articleId] },
        citizen,
      ),
    ).toBe('FORBIDDEN');
    expectProblem(await get(`/api/v1/queries/knowledge/articles/${created.articleId}/stats`, citizen), 'FORBIDDEN');
  });

  it('documents the routes in the OpenAPI document', async () => {
    expectDocumented(await api.openApi(), [
      'POST /api/v1/queries/knowledge/articles',
      'GET /api/v1/queries/knowledge/articles/{id}',
      'GET /api/v1/queries/knowledge/articles/{id}/stats',
      'POST /api/v1/queries/knowledge/articles/{id}/versions',
      'POST /api/v1/queries/knowledge/versions/{versionId}/publication',
      'POST /api/v1/queries/knowledge/versions/{versionId}/retirement',
      'POST /api/v1/queries/knowledge/versions/{versionId}/ratings',
    ]);
  });
});
