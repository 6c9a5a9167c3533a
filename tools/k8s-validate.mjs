// `node tools/k8s-validate.mjs [dir]`: checks every manifest of deploy/k8s (or dir) against the
// Kubernetes API schemas, as the API server would on `kubectl apply`. CI has no cluster, and
// `kubectl kustomize` only renders: without this, a mistyped field (a string containerPort, a
// misspelt kind) would surface only at a release. The schemas are those of kubernetes-models; they
// check types, required fields and enumerations, but not unknown fields.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// yaml 1.x is CommonJS, whose named exports Node cannot detect: take them from the default export.
import YAML from 'yaml';
import { ConfigMap, Namespace, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';

/** The kinds the manifests may use, by `apiVersion/kind`; anything else is refused, not skipped. */
const MODELS = new Map(
  [Namespace, ConfigMap, Service, Deployment, HorizontalPodAutoscaler, Job, PodDisruptionBudget].map((model) => [
    `${model.apiVersion}/${model.kind}`,
    model,
  ]),
);

const { parseAllDocuments } = YAML;

const dir = process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'deploy', 'k8s');
// kustomization.yaml configures kustomize and is no API object.
const files = readdirSync(dir)
  .filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml')
  .sort();

const problems = [];
let checked = 0;
for (const file of files) {
  const documents = parseAllDocuments(readFileSync(path.join(dir, file), 'utf8'));
  documents.forEach((document, index) => {
    const where = `${file} (document ${index + 1})`;
    if (document.errors.length > 0) {
      problems.push(`${where}: not valid YAML: ${document.errors.map((e) => e.message).join('; ')}`);
      return;
    }
    const object = document.toJSON();
    if (object === null || object === undefined) return; // only comments, or an empty document
    const what = `${object.kind ?? '(no kind)'} ${object.metadata?.name ?? '(no name)'}`;
    const Model = MODELS.get(`${object.apiVersion}/${object.kind}`);
    if (!Model) {
      problems.push(`${where}: ${what}: unknown kind ${object.apiVersion}/${object.kind}`);
      return;
    }
    try {
      new Model(object).validate();
      checked += 1;
    } catch (error) {
      problems.push(`${where}: ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

if (files.length === 0) problems.push(`${dir}: no manifests`);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exitCode = 1;
} else {
  console.log(`${checked} objects in ${files.length} manifests match the Kubernetes schemas`);
}
