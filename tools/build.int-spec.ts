import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, eventually, freePort, testServiceEnv, type TestDatabase } from '@ccsc/testing';
import { build } from './build';

// The images and `npm start` run the compiled output, not the sources the other suites load: this
// compiles the tree as the Dockerfile does and runs a service and a migration from the result.
describe('the ahead-of-time build', () => {
  const root = path.join(__dirname, '..');
  let out: string;
  let database: TestDatabase;

  beforeAll(async () => {
    // Under the repository (its .data is git-ignored), so the output finds node_modules as dist/ does.
    mkdirSync(path.join(root, '.data'), { recursive: true });
    out = mkdtempSync(path.join(root, '.data', 'build-'));
    await build(out);
    // An empty database: the compiled migration tool must bring it up to date.
    database = await createTestDatabase('cases', { entities: [], migrations: [] });
  });
  afterAll(async () => {
    rmSync(out, { recursive: true, force: true });
    await database?.drop();
  });

  it('compiles every app to JavaScript that migrates its database and serves', async () => {
    const env = { ...process.env, ...testServiceEnv(database.url), CASES_DATABASE_URL: database.url };
    const migrate = spawnSync(process.execPath, [path.join(out, 'tools', 'migrate.js'), 'cases'], {
      env,
      encoding: 'utf8',
    });
    expect({ status: migrate.status, stderr: migrate.stderr.slice(-2000) }).toEqual({ status: 0, stderr: '' });
    expect(migrate.stdout).toContain('applied CreateCases');

    const port = await freePort();
    const service = spawn(process.execPath, [path.join(out, 'services', 'cases', 'src', 'main.js')], {
      env: { ...env, PORT: String(port) },
      stdio: 'ignore',
    });
    try {
      await eventually(
        async () => expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200),
        30_000,
        200,
      );
    } finally {
      service.kill('SIGTERM');
    }
    const code = await new Promise<number | null>((resolve) => service.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).toBe(0);
  });
});
