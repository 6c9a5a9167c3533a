// The app under test for http-adapter.bench.ts. It runs in a child process of its own so the
// CPU time it reports (process.cpuUsage) is the server's alone, not shared with autocannon.
//
//   node tools/run.js bench/http-adapter.server.ts express|fastify
//
// Protocol over the IPC channel (the parent spawns with stdio 'ipc'):
//   child -> parent  { type: 'ready', adapter, port, bootMs }
//   parent -> child  { type: 'stats' }  ->  child -> parent { type: 'stats', cpuUserUs, cpuSystemUs, rssBytes }
//   parent -> child  { type: 'stop' }   ->  child closes the app and exits
import 'reflect-metadata';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Module,
  Param,
  ParseIntPipe,
  Post,
  ValidationPipe,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IsEnum, IsInt, IsOptional, IsString, Length, Min } from 'class-validator';

export const ADAPTERS = ['express', 'fastify'] as const;
export type AdapterName = (typeof ADAPTERS)[number];

export type ParentMessage = { type: 'stats' } | { type: 'stop' };
export type ChildMessage =
  | { type: 'ready'; adapter: AdapterName; port: number; bootMs: number }
  | { type: 'stats'; cpuUserUs: number; cpuSystemUs: number; rssBytes: number }
  | { type: 'failed'; error: string };

export enum ThingKind {
  Civil = 'civil',
  Family = 'family',
  Criminal = 'criminal',
}

export class CreateThingDto {
  @IsString()
  @Length(1, 120)
  name!: string;

  @IsInt()
  @Min(0)
  quantity!: number;

  @IsOptional()
  @IsEnum(ThingKind)
  kind?: ThingKind;
}

export interface ThingView {
  id: number;
  name: string;
  quantity: number;
  kind: ThingKind;
  createdAt: string;
}

@Controller('things')
class ThingsController {
  // A counter rather than a store: the benchmark is about the HTTP layer, and a growing map would
  // turn a long run into a GC benchmark.
  private nextId = 1;

  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(@Body() dto: CreateThingDto): ThingView {
    return {
      id: this.nextId++,
      name: dto.name,
      quantity: dto.quantity,
      kind: dto.kind ?? ThingKind.Civil,
      createdAt: new Date().toISOString(),
    };
  }

  @Get(':id')
  findOne(@Param('id', ParseIntPipe) id: number): ThingView {
    return {
      id,
      name: `Thing ${id}`,
      quantity: id % 10,
      kind: ThingKind.Family,
      createdAt: '2025-01-01T00:00:00.000Z',
    };
  }
}

@Module({ controllers: [ThingsController] })
class BenchAppModule {}

/** Boots the app on the given adapter, listening on 127.0.0.1 with an OS-assigned port. */
export async function bootApp(adapter: AdapterName): Promise<{ app: INestApplication; port: number }> {
  // Only errors and warnings: per-request or route-mapping log lines would be measured as well.
  const options = { logger: ['error', 'warn'] as ('error' | 'warn')[] };
  // Loaded lazily so each child holds only its own adapter: boot time and RSS then reflect it alone.
  const app =
    adapter === 'express'
      ? await NestFactory.create(
          BenchAppModule,
          new (await import('@nestjs/platform-express')).ExpressAdapter(),
          options,
        )
      : await NestFactory.create(
          BenchAppModule,
          new (await import('@nestjs/platform-fastify')).FastifyAdapter(),
          options,
        );
  // As the services' bootstrap (libs/platform createServiceApp) does, so Express is measured as deployed.
  if (adapter === 'express')
    (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo | string | null;
  if (address === null || typeof address === 'string') {
    await app.close();
    throw new Error(`${adapter}: server has no TCP address`);
  }
  return { app, port: address.port };
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const adapter = process.argv[2];
  if (!ADAPTERS.includes(adapter as AdapterName)) {
    throw new Error(`usage: node tools/run.js bench/http-adapter.server.ts ${ADAPTERS.join('|')}`);
  }
  if (!process.send) throw new Error('must be spawned with an IPC channel');

  // If the parent dies without stopping us, nothing else would: leave with it, and in any case
  // never outlive a benchmark by much.
  process.on('disconnect', () => process.exit(0));
  setTimeout(() => process.exit(3), 10 * 60_000).unref();

  const started = performance.now();
  const { app, port } = await bootApp(adapter as AdapterName);
  const bootMs = performance.now() - started;

  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stats') {
      const cpu = process.cpuUsage();
      send({ type: 'stats', cpuUserUs: cpu.user, cpuSystemUs: cpu.system, rssBytes: process.memoryUsage.rss() });
    } else if (message.type === 'stop') {
      // The parent kills us anyway after a grace period, so a hanging close cannot wedge the run.
      void app.close().finally(() => process.exit(0));
    }
  });
  send({ type: 'ready', adapter: adapter as AdapterName, port, bootMs });
}

// tools/run.js sets argv[1] to the entry file; the bench module imports this file for its types
// only, but the guard keeps an accidental value import from booting a server.
if (resolve(process.argv[1] ?? '') === __filename) {
  main().catch((err: unknown) => {
    send({ type: 'failed', error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    console.error(err);
    process.exit(1);
  });
}
