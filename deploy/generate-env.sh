#!/usr/bin/env bash
# Prints a random value for every secret docker-compose.yml requires, as an env file:
#
#   deploy/generate-env.sh > .env && chmod 600 .env && docker compose up -d --build
#
# Hex, so each is safe inside a DATABASE_URL and SCRAM's syntax. Keep the file out of version control
# and keep it: PostgreSQL reads its passwords only when its volume is created, and Kafka's and
# Keycloak's are set by their init jobs and realm import (docs/operations.md says how to rotate).
set -Eeuo pipefail
for variable in POSTGRES_PASSWORD \
  CASES_DB_PASSWORD QUERIES_DB_PASSWORD COMPLAINTS_DB_PASSWORD PAYMENTS_DB_PASSWORD ENFORCEMENT_DB_PASSWORD \
  KAFKA_ADMIN_PASSWORD CASES_KAFKA_PASSWORD QUERIES_KAFKA_PASSWORD COMPLAINTS_KAFKA_PASSWORD PAYMENTS_KAFKA_PASSWORD \
  ENFORCEMENT_KAFKA_PASSWORD REPLAY_KAFKA_PASSWORD \
  KEYCLOAK_ADMIN_PASSWORD KEYCLOAK_SYSTEM_CLIENT_SECRET CARD_PROVIDER_SECRET GRAFANA_ADMIN_PASSWORD METRICS_TOKEN; do
  echo "$variable=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
done
