// The mismatches between what a server under test answered and its OpenAPI document, gathered while a test
// runs and failed with at its end (checkResponseContractAfterEachTest, in the jest setup of the integration and
// e2e projects), every one at once, each naming the operation, the status and what is wrong.
//
// With CONTRACT_REPORT=<file> set, each is appended to that file as a JSON line instead, and no test fails on
// it: a run that lists all of them for the owners of the documents to go through.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { ContractMismatch } from './openapi-contract';

const found: ContractMismatch[] = [];
const pending = new Set<Promise<void>>();

/** Keeps `check` until the test ends: the mismatches it finds are the test's. */
export function recordContractCheck(check: Promise<ContractMismatch[]>): void {
  const settled = check.then(
    (mismatches) => void found.push(...mismatches),
    (error: unknown) =>
      void found.push({
        operation: '(the contract itself)',
        status: 0,
        kind: 'mismatch',
        error: `could not be checked: ${error instanceof Error ? error.message : String(error)}`,
      }),
  );
  pending.add(settled);
  void settled.finally(() => pending.delete(settled));
}

/** Waits for the checks under way, and returns (and forgets) what they found. */
export async function takeContractMismatches(): Promise<ContractMismatch[]> {
  while (pending.size) await Promise.all([...pending]);
  return found.splice(0);
}

const line = (m: ContractMismatch) => `  - ${m.operation} answered ${m.status}: ${m.error}`;

/** Fails the current test (or hook) with every mismatch found since the last check; see the file's comment. */
export async function failOnContractMismatches(where: string): Promise<void> {
  const mismatches = await takeContractMismatches();
  const report = process.env.CONTRACT_REPORT;
  // A listing run is for people going through the mismatches; in CI every one fails its test.
  if (report && process.env.CI) throw new Error('CONTRACT_REPORT lists mismatches without failing: not in CI');
  if (report) {
    for (const m of mismatches) appendFileSync(report, `${JSON.stringify({ ...m, where })}\n`);
    return;
  }
  const failing = mismatches.filter((m) => m.kind === 'mismatch');
  if (!failing.length) return;
  const unique = [...new Set(failing.map(line))];
  throw new Error(
    `${unique.length} answer(s) do not match the OpenAPI document (fix the document or the code; ` +
      `CONTRACT_REPORT=<file> lists them all without failing):\n${unique.join('\n')}`,
  );
}

/** Registers, in a jest setup file, the check after each test and after each file's last hook. */
export function checkResponseContractAfterEachTest(): void {
  const file = () => path.relative(process.cwd(), expect.getState().testPath ?? '(a file)');
  afterEach(async () => failOnContractMismatches(`${file()} › ${expect.getState().currentTestName ?? '(a test)'}`));
  afterAll(async () => failOnContractMismatches(`${file()} › its hooks`));
}
