#!/usr/bin/env bash
# Creates (or updates) the Secrets the manifests read, with passwords you supply: nothing secret is
# committed, and the ConfigMaps hold none. Run it once per environment, then `kubectl apply -k`.
#
#   DB_HOST=db.internal CASES_DB_PASSWORD=… CASES_KAFKA_PASSWORD=… METRICS_TOKEN=… deploy/k8s/create-secrets.sh cases
#
# The database role `cases` (owning only the database `cases`, as deploy/postgres/create-databases.sh
# sets up in docker compose) and the Kafka SCRAM principal `cases` (with the ACLs of
# deploy/kafka/create-users-and-acls.sh) must exist with these passwords. Generate them with e.g.
# `openssl rand -hex 24` (hex keeps them safe in a URL). The services refuse, in production, the
# superuser `postgres` and every password published in this repository.
set -Eeuo pipefail
namespace=${NAMESPACE:-ccsc}
# The bearer token the services and the gateway ask of whoever reads /metrics (give it to Prometheus).
kubectl -n "$namespace" create secret generic ccsc-metrics \
  --from-literal=METRICS_TOKEN="${METRICS_TOKEN:?METRICS_TOKEN is required}" \
  --dry-run=client -o yaml | kubectl apply -f -
for service in "$@"; do
  upper=${service^^}
  db_password_var="${upper}_DB_PASSWORD"
  kafka_password_var="${upper}_KAFKA_PASSWORD"
  db_password=${!db_password_var:?$db_password_var is required}
  kafka_password=${!kafka_password_var:?$kafka_password_var is required}
  kubectl -n "$namespace" create secret generic "$service-database" \
    --from-literal=DATABASE_URL="postgres://$service:$db_password@${DB_HOST:?DB_HOST is required}:${DB_PORT:-5432}/$service" \
    --dry-run=client -o yaml | kubectl apply -f -
  kubectl -n "$namespace" create secret generic "$service-kafka" \
    --from-literal=KAFKA_SASL_USERNAME="$service" --from-literal=KAFKA_SASL_PASSWORD="$kafka_password" \
    --dry-run=client -o yaml | kubectl apply -f -
done
