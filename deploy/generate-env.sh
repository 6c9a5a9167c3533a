#!/usr/bin/env bash
# Prints, as an env file, every value docker-compose.yml requires: a random one for each secret we
# choose, and, taken from the caller's environment, GOV.UK Notify's API key and pass-through template
# ids, which Notify issues (docs/operations.md, "docker compose", says where to find them), and the
# origins of the deployment's pages that card payers return to:
#
#   NOTIFY_API_KEY=… NOTIFY_EMAIL_TEMPLATE_ID=… NOTIFY_SMS_TEMPLATE_ID=… CARD_RETURN_ORIGINS=https://… \
#     deploy/generate-env.sh > .env && chmod 600 .env && docker compose up -d --build
#
# Hex, so each is safe inside a DATABASE_URL and SCRAM's syntax. Keep the file out of version control
# and keep it: PostgreSQL reads its passwords only when its volume is created, and Kafka's and
# Keycloak's are set by their init jobs and realm import (docs/operations.md says how to rotate).
# NOTIFY_CALLBACK_TOKEN is ours: set it in Notify as the delivery-receipt callback's bearer token.
set -Eeuo pipefail

# Checked before anything is printed, so a missing one leaves no half-written file to start from.
issued=(NOTIFY_API_KEY NOTIFY_EMAIL_TEMPLATE_ID NOTIFY_SMS_TEMPLATE_ID)
missing=()
for variable in "${issued[@]}"; do
  [[ -n ${!variable:-} ]] || missing+=("$variable")
done
if ((${#missing[@]})); then
  echo "set ${missing[*]} (issued by GOV.UK Notify: a key from its API keys page, the ids of the two pass-through templates; docs/operations.md says how)" >&2
  exit 1
fi
# One line each in an env file: refuse what would break it (Notify's values are letters, digits, '.', '_', '-').
for variable in "${issued[@]}"; do
  if [[ ! ${!variable} =~ ^[A-Za-z0-9._-]+$ ]]; then
    echo "$variable may hold only letters, digits, '.', '_' and '-'" >&2
    exit 1
  fi
done

# Ours to choose, not random: the pages card payers are sent back to, exact https origins.
if [[ -z ${CARD_RETURN_ORIGINS:-} ]]; then
  echo "set CARD_RETURN_ORIGINS (the https origins of your pages that card payers return to, comma-separated, e.g. https://pay.example.gov.uk)" >&2
  exit 1
fi
# As a browser writes an origin: lower case, no default port (:443), no path.
origin='https://[a-z0-9.-]+(:[0-9]+)?'
if ! LC_ALL=C bash -c '[[ $1 =~ ^$2(,$2)*$ ]]' _ "$CARD_RETURN_ORIGINS" "$origin" \
  || [[ $CARD_RETURN_ORIGINS =~ (:443|\.)(,|$) || $CARD_RETURN_ORIGINS =~ \.: ]]; then
  echo "CARD_RETURN_ORIGINS must list https origins (https://host[:port], lower case), comma-separated without spaces" >&2
  exit 1
fi

for variable in POSTGRES_PASSWORD \
  CASES_DB_PASSWORD QUERIES_DB_PASSWORD COMPLAINTS_DB_PASSWORD PAYMENTS_DB_PASSWORD ENFORCEMENT_DB_PASSWORD \
  KAFKA_ADMIN_PASSWORD CASES_KAFKA_PASSWORD QUERIES_KAFKA_PASSWORD COMPLAINTS_KAFKA_PASSWORD PAYMENTS_KAFKA_PASSWORD \
  ENFORCEMENT_KAFKA_PASSWORD REPLAY_KAFKA_PASSWORD \
  KEYCLOAK_ADMIN_PASSWORD KEYCLOAK_SYSTEM_CLIENT_SECRET CARD_PROVIDER_SECRET GRAFANA_ADMIN_PASSWORD METRICS_TOKEN \
  NOTIFY_CALLBACK_TOKEN; do
  echo "$variable=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
done
for variable in "${issued[@]}" CARD_RETURN_ORIGINS; do
  echo "$variable=${!variable}"
done
# A key, not a password: 32 random bytes in base64.
echo "WEBHOOK_SECRETS_KEY=$(head -c 32 /dev/urandom | base64)"
