import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { Kind, parse } from 'graphql';
import { ROLES_KEY, type Role } from '@ccsc/auth';
import { SUPERGRAPH_FILE } from '../../gateway/src/gateway';

/** A REST route as the service registers it, e.g. `POST /api/v1/cases/:id/events`, with the roles its handler names. */
export interface DiscoveredRoute {
  key: string;
  roles: Role[];
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;
const asArray = (value: unknown): string[] =>
  value === undefined ? [''] : Array.isArray(value) ? (value as string[]) : [value as string];

/**
 * Every route of the partner API (`/api/v1/...`) a running Nest app serves, read from Nest's own
 * controller metadata (the same metadata its router is built from). Health and metrics sit outside
 * `/api/v1`: the gateway does not route them, and they carry no case data.
 */
export function restRoutesOf(app: INestApplication): DiscoveredRoute[] {
  const scanner = new MetadataScanner();
  const routes: DiscoveredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!controller) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const base of asArray(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const name of scanner.getAllMethodNames(prototype)) {
          const handler = prototype[name] as object;
          const paths = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
          if (paths === undefined) continue;
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
          const roles = (Reflect.getMetadata(ROLES_KEY, handler) as Role[] | undefined) ?? [];
          for (const path of asArray(paths)) {
            const full = joinPath(base, path);
            if (full.startsWith('/api/v1/')) routes.push({ key: `${method} ${full}`, roles });
          }
        }
      }
    }
  }
  return routes;
}

/** The root types whose fields are operations, and the entity every subgraph extends. */
const OPERATION_TYPES = ['Query', 'Mutation', 'Subscription', 'Case'];

/**
 * Every field of Query, Mutation, Subscription and Case in the composed supergraph the gateway
 * serves, as `Query.case`, `Mutation.createCase`, `Case.payments`.
 */
export function graphqlOperations(supergraphSdl = readFileSync(SUPERGRAPH_FILE, 'utf8')): string[] {
  const operations: string[] = [];
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    if (!OPERATION_TYPES.includes(definition.name.value)) continue;
    for (const field of definition.fields ?? []) operations.push(`${definition.name.value}.${field.name.value}`);
  }
  return operations;
}
