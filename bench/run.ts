// Runs every bench/*.bench.ts module in name order and writes bench/report.md.
//
//   npm run bench                              all of them
//   npm run bench -- http-adapter              only those whose name contains the filter
//   npm run bench -- gateway-cost write-path   those matching any of the filters, in one report
//
// The header records where and on what the figures were taken: they are only comparable within
// one report, so a report without its machine and versions is misleading once copied elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { renderReport, writeReport, type BenchSection } from './report';

const BENCH_DIR = __dirname;
const ROOT = join(BENCH_DIR, '..');
const REPORT = join(BENCH_DIR, 'report.md');
const SUFFIX = '.bench.ts';

function installedVersion(pkg: string): string {
  try {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

function header(): string {
  const cpuList = cpus();
  const models = [...new Set(cpuList.map((c) => c.model.trim()))].join(', ') || 'unknown';
  const versions = [
    '@nestjs/core',
    '@nestjs/platform-express',
    '@nestjs/platform-fastify',
    'express',
    'fastify',
    'autocannon',
    '@apollo/gateway',
    '@apollo/server',
    '@graphql-hive/gateway-runtime',
    '@graphql-hive/router-runtime',
    'kafkajs',
    'typeorm',
    'pg',
  ]
    .map((pkg) => `${pkg} ${installedVersion(pkg)}`)
    .join(', ');
  return [
    '# Benchmark report',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${models} × ${cpuList.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${platform()} ${release()}`,
    // Load average at start, since other work on the machine moves every absolute figure.
    `- Load average (1/5/15 min) at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')}`,
    `- Node ${process.version}`,
    `- ${versions}`,
  ].join('\n');
}

async function main(): Promise<number> {
  const filters = process.argv.slice(2);
  const available = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(SUFFIX))
    .sort();
  const selected = available.filter(
    (f) => filters.length === 0 || filters.some((filter) => f.slice(0, -SUFFIX.length).includes(filter)),
  );
  if (selected.length === 0) {
    console.error(
      `no benchmark matches "${filters.join('", "')}"; available: ${available.map((f) => f.slice(0, -SUFFIX.length)).join(', ')}`,
    );
    return 2;
  }

  const head = header();
  console.log(head + '\n');
  const sections: BenchSection[] = [];
  let failed = false;
  for (const file of selected) {
    let section: BenchSection;
    try {
      const mod = (await import(join(BENCH_DIR, file))) as { run?: () => Promise<BenchSection> };
      if (typeof mod.run !== 'function') throw new Error(`${file} does not export run()`);
      section = await mod.run();
    } catch (err) {
      // One broken benchmark should not cost the others' figures; the exit code still reports it.
      failed = true;
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      section = { title: `${file}: FAILED`, markdown: '```\n' + message + '\n```' };
    }
    sections.push(section);
    console.log(renderReport('', [section]).trimStart());
  }
  writeReport(REPORT, head, sections);
  console.error(`report written to ${REPORT}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
