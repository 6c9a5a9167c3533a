import { WELSH_QUEUE, type EnquiryPriority } from '../../enquiry/domain/enquiry';

/** A triage rule is data a team leader edits: category and words in the enquiry map to a queue, a priority and articles to signpost. */
export interface TriageRule {
  id: string;
  /** Lower runs first; the first matching rule decides. */
  position: number;
  /** Only enquiries of this category; null for any. */
  category: string | null;
  /** Words or phrases of which at least one must appear in the subject or first message; empty for any. */
  keywords: string[];
  queueId: string;
  /** Raises the enquiry to this priority; null keeps what it came in with. */
  priority: EnquiryPriority | null;
  articleIds: string[];
  active: boolean;
}

export interface TriageSubject {
  category: string | null;
  text: string;
  priority: EnquiryPriority;
  /** The language the enquirer wrote in and wants answered in. */
  language: 'en' | 'cy';
}

export interface TriageSuggestion {
  ruleId: string | null;
  queueId: string;
  priority: EnquiryPriority;
  articleIds: string[];
}

/** What the rules suggested and what was decided, by whom and why. */
export interface TriageDecisionRecord {
  ruleId: string | null;
  suggestedQueueId: string;
  suggestedPriority: EnquiryPriority;
  suggestedArticleIds: string[];
  queueId: string;
  priority: EnquiryPriority;
  articleIds: string[];
  overridden: boolean;
  reason: string | null;
  actor: string;
  at: Date;
}

/** Where an enquiry goes when no rule matches. */
export const DEFAULT_QUEUE = 'general';

export function suggest(rules: readonly TriageRule[], subject: TriageSubject): TriageSuggestion {
  const rule = [...rules]
    .filter((r) => r.active)
    .sort((a, b) => a.position - b.position)
    .find((r) => matches(r, subject));
  const queueOf = (queueId: string) => (subject.language === 'cy' ? WELSH_QUEUE : queueId);
  if (!rule) return { ruleId: null, queueId: queueOf(DEFAULT_QUEUE), priority: subject.priority, articleIds: [] };
  return {
    ruleId: rule.id,
    queueId: queueOf(rule.queueId),
    priority: rule.priority === 'urgent' || subject.priority === 'urgent' ? 'urgent' : 'normal',
    articleIds: rule.articleIds,
  };
}

function matches(rule: TriageRule, subject: TriageSubject): boolean {
  if (rule.category !== null && rule.category !== subject.category) return false;
  if (rule.keywords.length === 0) return true;
  const text = subject.text.toLocaleLowerCase('en-GB');
  return rule.keywords.some((k) => containsPhrase(text, k.toLocaleLowerCase('en-GB')));
}

/** A whole word or phrase, so "fee" does not match "feedback"; letters include Welsh ones (â, ŵ, ŷ). */
function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '\\s+');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}
