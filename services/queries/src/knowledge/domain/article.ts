import { BadUserInputError, ConflictError, type FieldError } from '@ccsc/platform/errors';
import type { Language } from '../../enquiry/domain/enquiry';

export const ARTICLE_STATUSES = ['draft', 'published', 'retired'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Services an article can be tagged with: the case types of the platform, plus the cross-cutting ones. */
export const SERVICE_TAGS = [
  'civil-money-claim',
  'divorce',
  'probate',
  'social-security-appeal',
  'criminal-prosecution',
  'immigration-status-review',
  'lasting-power-of-attorney',
  'fees',
  'hearings',
  'general',
] as const;
export type ServiceTag = (typeof SERVICE_TAGS)[number];

export interface ArticleVersionRecord {
  id: string;
  articleId: string;
  version: number;
  language: Language;
  title: string;
  body: string;
  status: ArticleStatus;
  serviceTags: string[];
  createdAt: Date;
  publishedAt: Date | null;
  retiredAt: Date | null;
}

export interface SearchHit extends ArticleVersionRecord {
  rank: number;
}

/** "Did this help?" answers and how often the article was signposted. */
export interface ArticleStats {
  articleId: string;
  helpful: number;
  notHelpful: number;
  signposted: number;
}

export const MAX_TITLE = 300;
export const MAX_BODY = 20_000;

/** A draft is published or discarded (retired); a published version is retired when replaced or withdrawn. Retired is final. */
const NEXT: Readonly<Record<ArticleStatus, readonly ArticleStatus[]>> = {
  draft: ['published', 'retired'],
  published: ['retired'],
  retired: [],
};

export function assertVersionMove(from: ArticleStatus, to: ArticleStatus): void {
  if (NEXT[from].includes(to)) return;
  throw new ConflictError(from === 'retired' ? 'The version is retired' : `A ${from} version cannot become ${to}`);
}

export function checkArticleText(title: string, body: string): void {
  const problems: FieldError[] = [];
  if (!title.trim()) problems.push({ field: 'title', message: 'must not be blank' });
  if (!body.trim()) problems.push({ field: 'body', message: 'must not be blank' });
  if (problems.length) throw new BadUserInputError('The article cannot be saved as given', problems);
}

export function checkTags(tags: readonly string[]): ServiceTag[] {
  const unique = [...new Set(tags)];
  const unknown = unique.filter((t) => !(SERVICE_TAGS as readonly string[]).includes(t));
  if (unique.length === 0)
    throw new BadUserInputError('An article needs a service', [
      { field: 'serviceTags', message: 'must name at least one service' },
    ]);
  if (unknown.length)
    throw new BadUserInputError('Unknown service', [
      { field: 'serviceTags', message: `${unknown.join(', ')} is not one of ${SERVICE_TAGS.join(', ')}` },
    ]);
  return unique as ServiceTag[];
}
