import type { Provider } from '@nestjs/common';
import { KnowledgeResolver } from './api/knowledge.resolver';
import { KnowledgeService } from './application/knowledge.service';
import { Knowledge1733100300000 } from './infrastructure/1733100300000-knowledge';
import { KnowledgeRepository } from './infrastructure/knowledge.repository';

export const knowledgeResolvers: Provider[] = [KnowledgeResolver];
export const knowledgeProviders: Provider[] = [KnowledgeRepository, KnowledgeService];
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const knowledgeMigrations: Function[] = [Knowledge1733100300000];
