export interface RecordDecisionCommand {
  outcome: string;
  legalBasis: string;
  reasons: string;
  evidenceReferences: string[];
  /** The decision this one corrects. */
  supersedes?: string;
}

/** A decision as made: a record, never edited; a correction is a new decision that supersedes it. */
export interface Decision extends RecordDecisionCommand {
  id: string;
  caseId: string;
  decidedBy: string;
  decidedAt: Date;
  /** The decision that corrected this one, if any; a decision without one is current. */
  supersededBy?: string;
}
