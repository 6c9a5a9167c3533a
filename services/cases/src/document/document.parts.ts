import { DocumentController, DocumentResolver } from './api/document.api';
import { DocumentCommands } from './application/document.commands';
import { CaseDocuments1732750000000 } from './infrastructure/1732750000000-case-documents';

// What documents add to the cases service (wired in cases.module.ts and data-source.ts).
export const documentResolvers = [DocumentResolver];
export const documentProviders = [DocumentCommands];
export const documentControllers = [DocumentController];
export const documentMigrations = [CaseDocuments1732750000000];
