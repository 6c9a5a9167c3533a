import type { CorrespondenceRules } from './correspondence-rules';
import CORRESPONDENCE_RULES from '../correspondence-rules.json';

/**
 * The correspondence rules this build ships (correspondence-rules.json), typed. JSON's inferred type is
 * narrower than the rules' (each rule's own keys), hence `unknown`: checkCorrespondenceRules checks the
 * table when the service starts.
 */
export const SHIPPED_CORRESPONDENCE_RULES = CORRESPONDENCE_RULES as unknown as CorrespondenceRules;
