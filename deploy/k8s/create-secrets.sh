#!/usr/bin/env bash
# Creates (or updates) the Secrets the manifests read, with passwords you supply: nothing secret is
# committed, and the ConfigMaps hold none. Run it once per environment (again to rotate), then
# `kubectl apply -k`. With no arguments it covers every service; name some to cover only those:
#
#   DB_HOST=db.internal METRICS_TOKEN=… CARD_PROVIDER_SECRET=… WEBHOOK_SECRETS_KEY=… \
#     NOTIFY_API_KEY=… NOTIFY_CALLBACK_TOKEN=… NOTIFY_EMAIL_TEMPLATE_ID=… NOTIFY_SMS_TEMPLATE_ID=… \
#     CASES_DB_PASSWORD=… CASES_KAFKA_PASSWORD=… QUERIES_DB_PASSWORD=… QUERIES_KAFKA_PASSWORD=… \
#     COMPLAINTS_DB_PASSWORD=… COMPLAINTS_KAFKA_PASSWORD=… PAYMENTS_DB_PASSWORD=… PAYMENTS_KAFKA_PASSWORD=… \
#     ENFORCEMENT_DB_PASSWORD=… ENFORCEMENT_KAFKA_PASSWORD=… deploy/k8s/create-secrets.sh
#   DB_HOST=db.internal METRICS_TOKEN=… NOTIFY_API_KEY=… NOTIFY_CALLBACK_TOKEN=… NOTIFY_EMAIL_TEMPLATE_ID=… \
#     NOTIFY_SMS_TEMPLATE_ID=… WEBHOOK_SECRETS_KEY=… CASES_DB_PASSWORD=… CASES_KAFKA_PASSWORD=… \
#     deploy/k8s/create-secrets.sh cases
#
# Per service <s>: <s>-database (DATABASE_URL) and <s>-kafka (KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD);
# for payments also payments-card-provider (CARD_PROVIDER_SECRET); for cases also cases-webhooks
# (WEBHOOK_SECRETS_KEY, 32 bytes in base64: `openssl rand -base64 32`); for cases, queries and complaints,
# which send letters, emails and texts, ccsc-notify (NOTIFY_API_KEY, NOTIFY_CALLBACK_TOKEN,
# NOTIFY_EMAIL_TEMPLATE_ID, NOTIFY_SMS_TEMPLATE_ID: the key and the two pass-through template ids are
# GOV.UK Notify's, the callback token is one you generate and set in Notify); for all, ccsc-metrics
# (METRICS_TOKEN).
# The database role <s> (owning only the database <s>, as deploy/postgres/create-databases.sh sets up
# in docker compose) and the Kafka SCRAM principal <s> (with the ACLs of
# deploy/kafka/create-users-and-acls.sh) must exist with these passwords. Generate them with e.g.
# `openssl rand -hex 24` (hex keeps them safe in a URL). The services refuse, in production, the
# superuser `postgres` and every password published in this repository.
set -Eeuo pipefail
namespace=${NAMESPACE:-ccsc}
all=(cases queries complaints payments enforcement)
# The services that send letters, emails and texts through GOV.UK Notify.
notify_senders=(cases queries complaints)
sends_correspondence=
(($#)) || set -- "${all[@]}"

# Every value is checked before anything is written, so a missing one leaves the namespace as it was.
: "${DB_HOST:?DB_HOST is required}" "${METRICS_TOKEN:?METRICS_TOKEN is required}"
for service in "$@"; do
  if [[ " ${all[*]} " != *" $service "* ]]; then
    echo "unknown service '$service' (one of: ${all[*]})" >&2
    exit 64
  fi
  upper=${service^^}
  for variable in "${upper}_DB_PASSWORD" "${upper}_KAFKA_PASSWORD"; do
    if [[ -z ${!variable:-} ]]; then
      echo "$variable is required" >&2
      exit 1
    fi
  done
  if [[ $service == payments ]]; then : "${CARD_PROVIDER_SECRET:?CARD_PROVIDER_SECRET is required for payments}"; fi
  if [[ $service == cases ]]; then : "${WEBHOOK_SECRETS_KEY:?WEBHOOK_SECRETS_KEY is required for cases}"; fi
  if [[ " ${notify_senders[*]} " == *" $service "* ]]; then
    for variable in NOTIFY_API_KEY NOTIFY_CALLBACK_TOKEN NOTIFY_EMAIL_TEMPLATE_ID NOTIFY_SMS_TEMPLATE_ID; do
      if [[ -z ${!variable:-} ]]; then
        echo "$variable is required for $service (GOV.UK Notify; docs/operations.md, \"Kubernetes\")" >&2
        exit 1
      fi
    done
    sends_correspondence=1
  fi
done

create_secret() {
  kubectl -n "$namespace" create secret generic "$@" --dry-run=client -o yaml | kubectl apply -f -
}

# The bearer token the services and the gateway ask of whoever reads /metrics (give it to Prometheus).
create_secret ccsc-metrics --from-literal=METRICS_TOKEN="$METRICS_TOKEN"
if [[ -n $sends_correspondence ]]; then
  # GOV.UK Notify's API key and pass-through template ids, and the bearer token of its delivery
  # receipts: without them production cases, queries and complaints refuse to start.
  create_secret ccsc-notify \
    --from-literal=NOTIFY_API_KEY="$NOTIFY_API_KEY" --from-literal=NOTIFY_CALLBACK_TOKEN="$NOTIFY_CALLBACK_TOKEN" \
    --from-literal=NOTIFY_EMAIL_TEMPLATE_ID="$NOTIFY_EMAIL_TEMPLATE_ID" \
    --from-literal=NOTIFY_SMS_TEMPLATE_ID="$NOTIFY_SMS_TEMPLATE_ID"
fi
for service in "$@"; do
  upper=${service^^}
  db_password_var="${upper}_DB_PASSWORD"
  kafka_password_var="${upper}_KAFKA_PASSWORD"
  create_secret "$service-database" \
    --from-literal=DATABASE_URL="postgres://$service:${!db_password_var}@$DB_HOST:${DB_PORT:-5432}/$service"
  create_secret "$service-kafka" \
    --from-literal=KAFKA_SASL_USERNAME="$service" --from-literal=KAFKA_SASL_PASSWORD="${!kafka_password_var}"
  if [[ $service == payments ]]; then
    # The card provider's callback signing secret: without it, production payments refuses to start.
    create_secret payments-card-provider --from-literal=CARD_PROVIDER_SECRET="$CARD_PROVIDER_SECRET"
  fi
  if [[ $service == cases ]]; then
    # Encrypts the partner webhooks' signing secrets at rest: without it, production cases refuses to start.
    create_secret cases-webhooks --from-literal=WEBHOOK_SECRETS_KEY="$WEBHOOK_SECRETS_KEY"
  fi
done
