import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The images are built where a Docker engine answers (a developer's machine, a CI runner with one);
// elsewhere the Dockerfile is checked as text by deploy-files.spec.ts and this says it did not build.
const ROOT = path.join(__dirname, '..');
const engine = spawnSync('docker', ['info'], { encoding: 'utf8', timeout: 20_000 }).status === 0;
if (!engine) process.stderr.write('[image] no Docker engine answers: the images are not built in this run\n');

const docker = (...args: string[]) =>
  spawnSync('docker', args, { cwd: ROOT, encoding: 'utf8', timeout: 20 * 60_000, maxBuffer: 64 * 1024 * 1024 });

(engine ? describe : describe.skip)('the images (Docker engine)', () => {
  it.each(['services/cases', 'gateway'])(
    'builds %s as a non-root production image with a health check',
    (app) => {
      const tag = `ccsc-test/${path.basename(app)}:ci`;
      const build = docker('build', '--build-arg', `APP=${app}`, '-t', tag, '.');
      expect({ status: build.status, stderr: build.status === 0 ? '' : build.stderr.slice(-4000) }).toEqual({
        status: 0,
        stderr: '',
      });
      const config = JSON.parse(docker('image', 'inspect', tag, '--format', '{{json .Config}}').stdout) as {
        User: string;
        Env: string[];
        Healthcheck?: { Test: string[] };
      };
      expect(config.User).toBe('node');
      expect(config.Env).toContain('NODE_ENV=production');
      expect(config.Healthcheck?.Test.join(' ')).toContain('/health/live');
      // Compiled ahead of time: the app's entry point is JavaScript, and no TypeScript or compiler ships.
      const probe = docker(
        'run',
        '--rm',
        '--entrypoint',
        'sh',
        tag,
        '-c',
        'test -f /app/main.js && ! find /app/dist -name "*.ts" | grep -q . && ! test -e /app/node_modules/@swc/core && echo compiled',
      );
      expect(probe.stdout.trim()).toBe('compiled');
    },
    25 * 60_000,
  );
});
