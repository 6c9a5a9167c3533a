// Servers as node processes of their own, for the benchmarks: each one's CPU time and memory is
// then its own (read from /proc), and `node --cpu-prof` can profile it.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '@ccsc/testing';
import type { Env, ServerRunner } from './launch';
import type { NodeRuntime } from './node-flags';
import { REPO_ROOT } from '../repo-root';

const ROOT = REPO_ROOT;
const RUN_JS = join(ROOT, 'tools', 'run.js');
const HOST = '127.0.0.1';
const READY_PATH = '/health/ready';
const READY_TIMEOUT_MS = 180_000;
const READY_POLL_MS = 20;
const STOP_GRACE_MS = 10_000;
/** Linux reports process CPU time in clock ticks; USER_HZ is 100 on every Linux we run. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcStats {
  /** user + system CPU time so far, in ms (clock-tick resolution: 10 ms). */
  cpuMs: number;
  rssBytes: number;
}

/** CPU time and resident memory of any process, from /proc: works for a child we did not write. */
export function procStats(pid: number): ProcStats {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime: fields 14 and 15 of the line
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return { cpuMs: (ticks * 1000) / CLOCK_TICKS_PER_SECOND, rssBytes: rssKb * 1024 };
}

export interface ChildOptions {
  /** Node's flags and environment (IMAGE_RUNTIME, as the images run); none unless given. */
  runtime?: NodeRuntime;
  /** Written by `node --cpu-prof` into this directory when the child exits cleanly. */
  cpuProfDir?: string;
  /** Path polled until it answers 200. */
  readyPath: string;
  logDir: string;
}

/** A Node process serving HTTP: a service, a gateway, or a bench server; every wait on it is bounded. */
export class NodeChild {
  private constructor(
    readonly label: string,
    private readonly proc: ChildProcess,
    readonly url: string,
    readonly logFile: string,
    readonly bootMs: number,
  ) {}

  static async start(label: string, entry: string, env: Env, port: number, options: ChildOptions): Promise<NodeChild> {
    mkdirSync(options.logDir, { recursive: true });
    const logFile = join(options.logDir, `${label}.log`);
    const out = openSync(logFile, 'a');
    const nodeArgs = [
      ...(options.runtime?.flags ?? []),
      ...(options.cpuProfDir
        ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, `--cpu-prof-name=${label}.cpuprofile`]
        : []),
    ];
    const inherited = { ...process.env };
    // The parent's own settings (a DATABASE_URL, KAFKA_BROKERS, PORT) must not leak into a child.
    for (const key of ['DATABASE_URL', 'KAFKA_BROKERS', 'PORT', 'NODE_OPTIONS']) delete inherited[key];
    const started = performance.now();
    // Compiled output (dist/) runs as it is; sources go through the on-load compiler.
    const program = entry.endsWith('.js') ? [entry] : [RUN_JS, entry];
    const proc = spawn(process.execPath, [...nodeArgs, ...program], {
      cwd: ROOT,
      env: { ...inherited, ...options.runtime?.env, ...env },
      stdio: ['ignore', out, out],
    });
    closeSync(out);
    const url = `http://${HOST}:${port}`;
    const child = new NodeChild(label, proc, url, logFile, 0);
    try {
      await child.waitReady(options.readyPath);
    } catch (error) {
      child.kill();
      throw error;
    }
    return new NodeChild(label, proc, url, logFile, performance.now() - started);
  }

  get pid(): number {
    if (this.proc.pid === undefined) throw new Error(`${this.label} has no pid`);
    return this.proc.pid;
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null;
  }

  stats(): ProcStats {
    return procStats(this.pid);
  }

  private async waitReady(path: string): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (!this.alive) {
        const how = `code ${this.proc.exitCode}, signal ${this.proc.signalCode}`;
        throw new Error(`${this.label} exited while starting (${how}):\n${this.logTail()}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.label} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${this.logTail()}`);
      }
      try {
        const res = await fetch(`${this.url}${path}`, { signal: AbortSignal.timeout(2_000) });
        await res.arrayBuffer();
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      // Polled often: the time to ready is a measured figure (bench memory), and a refused connection costs nothing.
      await sleep(READY_POLL_MS);
    }
  }

  logTail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** SIGTERM (the services finish in-flight work and exit, which also writes a --cpu-prof profile), then SIGKILL. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((done) => this.proc.once('exit', () => done()));
    this.proc.kill('SIGTERM');
    await Promise.race([exited, sleep(STOP_GRACE_MS)]);
    this.kill();
  }

  kill(): void {
    if (this.alive) this.proc.kill('SIGKILL');
  }
}

/** Kills every child still running if this process leaves abruptly. */
export function guardChildren(children: () => readonly NodeChild[]): () => void {
  const killAll = () => children().forEach((c) => c.kill());
  process.once('exit', killAll);
  return () => process.off('exit', killAll);
}

export interface NodeProcessesOptions {
  logDir: string;
  /** Each process writes a CPU profile here when it stops. */
  cpuProfDir?: string;
  /** Appended to every label: a second set of processes beside the first. */
  suffix?: string;
  /** The gateway's label, `gateway` unless given. */
  gatewayLabel?: string;
  /** Run the compiled output in this directory (as `npm run build` writes dist/), not the sources. */
  compiled?: string;
  /** Node's flags and environment (IMAGE_RUNTIME, as the images run); none unless given. */
  runtime?: NodeRuntime;
  log?(message: string): void;
}

export interface NodeProcessRunner extends ServerRunner<NodeChild, NodeChild> {
  /** The processes started so far. */
  children(): NodeChild[];
}

/** Each service (`services/<name>/src/main.ts`) and the gateway (`gateway/src/main.ts`) as its own node process. */
export function nodeProcesses(options: NodeProcessesOptions): NodeProcessRunner {
  const children: NodeChild[] = [];
  // The app's compiled entry point under `options.compiled` (npm run build's dist/), or its source.
  const entryOf = (main: string) => (options.compiled ? join(options.compiled, `${main}.js`) : `${main}.ts`);
  const start = async (name: string, entry: string, env: Env, fixedPort?: number) => {
    const port = fixedPort ?? (await freePort());
    const label = `${name}${options.suffix ?? ''}`;
    options.log?.(`starting ${label}`);
    const child = await NodeChild.start(label, resolve(ROOT, entry), { ...env, PORT: String(port) }, port, {
      readyPath: READY_PATH,
      cpuProfDir: options.cpuProfDir,
      runtime: options.runtime,
      logDir: options.logDir,
    });
    children.push(child);
    return child;
  };
  return {
    service: (name, env, port) => start(name, entryOf(join('services', name, 'src', 'main')), env, port),
    gateway: (env, port) =>
      start(options.gatewayLabel ?? 'gateway', entryOf(join('gateway', 'src', 'main')), env, port),
    children: () => [...children],
  };
}
