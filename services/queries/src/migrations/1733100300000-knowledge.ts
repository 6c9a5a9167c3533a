import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL ships no Welsh text-search dictionary (no snowball stemmer, no stop words), so Welsh
 * versions are indexed and searched with the 'simple' configuration: lower-cased words, no
 * stemming. English uses 'english'. The configuration follows the version's language, both in
 * the stored vector and in the query (see KnowledgeRepository.search).
 */
export class Knowledge1733100300000 implements MigrationInterface {
  name = 'Knowledge1733100300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kb_articles (
        id uuid PRIMARY KEY,
        service_tags text[] NOT NULL,
        created_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX kb_articles_tags ON kb_articles USING gin (service_tags)`);
    await q.query(`
      CREATE TABLE kb_article_versions (
        id uuid PRIMARY KEY,
        article_id uuid NOT NULL REFERENCES kb_articles (id),
        version int NOT NULL,
        language char(2) NOT NULL CHECK (language IN ('en', 'cy')),
        title varchar(300) NOT NULL,
        body text NOT NULL,
        status varchar(10) NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector(CASE WHEN language = 'cy' THEN 'simple'::regconfig ELSE 'english'::regconfig END, title), 'A') ||
          setweight(to_tsvector(CASE WHEN language = 'cy' THEN 'simple'::regconfig ELSE 'english'::regconfig END, body), 'B')
        ) STORED,
        created_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL,
        published_at timestamptz,
        retired_at timestamptz,
        UNIQUE (article_id, language, version)
      )`);
    // One published version per article and language: publishing a new one retires the old.
    await q.query(
      `CREATE UNIQUE INDEX kb_article_versions_published ON kb_article_versions (article_id, language) WHERE status = 'published'`,
    );
    await q.query(
      `CREATE INDEX kb_article_versions_search ON kb_article_versions USING gin (search) WHERE status = 'published'`,
    );
    await q.query(`
      CREATE TABLE kb_feedback (
        id bigserial PRIMARY KEY,
        article_id uuid NOT NULL REFERENCES kb_articles (id),
        version_id uuid NOT NULL REFERENCES kb_article_versions (id),
        helpful boolean NOT NULL,
        enquiry_id uuid REFERENCES enquiries (id),
        given_by varchar(255) NOT NULL,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX kb_feedback_article ON kb_feedback (article_id)`);
    await q.query(`
      CREATE TABLE kb_signposts (
        enquiry_id uuid NOT NULL REFERENCES enquiries (id),
        article_id uuid NOT NULL REFERENCES kb_articles (id),
        signposted_by varchar(255) NOT NULL,
        at timestamptz NOT NULL,
        PRIMARY KEY (enquiry_id, article_id)
      )`);
    await q.query(`CREATE INDEX kb_signposts_article ON kb_signposts (article_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['kb_signposts', 'kb_feedback', 'kb_article_versions', 'kb_articles'])
      await q.query(`DROP TABLE ${table}`);
  }
}
