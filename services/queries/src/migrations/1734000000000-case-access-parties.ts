import { caseAccessPartiesMigration } from '@ccsc/case-access';

/** The case-access projection learns each case's parties and orders changes by the case's sequence (libs/case-access). */
export const CaseAccessParties1734000000000 = caseAccessPartiesMigration(1734000000000);
