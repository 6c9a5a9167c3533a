#!/usr/bin/env bash
# The one-shot kafka-acls job of docker-compose.yml: one SCRAM-SHA-512 principal per service, named
# after it, allowed to write only its own topics (its events and its dead letters), to read only the
# events it consumes, and to use only its own consumer groups (its inbox's, and its replicas' live
# ones); and a `replay` principal for `npm run events:replay`, which reads dead letters and sends them
# back to the topics they came from.
# Anything else is denied: the broker runs with an authorizer and no allow-everyone fallback.
# Safe to re-run: a password is set again, an ACL that exists is left as it is.
# Passwords: <SERVICE>_KAFKA_PASSWORD and REPLAY_KAFKA_PASSWORD (no commas or brackets: SCRAM's syntax).
set -Eeuo pipefail

BOOTSTRAP=kafka:9092
SERVICES=(cases queries complaints payments enforcement)

# Whose events each service consumes, from its handlers, its task rules (queries) and the events it follows live;
# tools/deploy-files.spec.ts checks this
# against the consumers in the code, so a new subscription without its ACL fails the tests.
CONSUMES=(
  "cases: cases queries complaints payments enforcement"
  "queries: cases queries complaints payments enforcement"
  "complaints: cases complaints queries payments"
  "payments: cases complaints enforcement payments"
  "enforcement: cases enforcement payments"
)

admin() {
  local tool=$1
  shift
  bash /opt/ccsc/as-admin.sh "$tool" --bootstrap-server "$BOOTSTRAP" "$@"
}
user() {
  admin kafka-configs.sh --alter --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[password=$2]" > /dev/null
  echo "user $1"
}
allow() {
  admin kafka-acls.sh --add --allow-principal "User:$1" "${@:2}" > /dev/null
}

for entry in "${CONSUMES[@]}"; do
  service=${entry%%:*}
  read -r -a producers <<< "${entry#*: }"
  variable="${service^^}_KAFKA_PASSWORD"
  user "$service" "${!variable:?$variable is required}"
  # Idempotent producing needs only Write on the topics (Kafka 3.0+, KIP-679).
  allow "$service" --operation Write --topic "ccsc.$service.events" --topic "ccsc.$service.dead-letters"
  reads=()
  for producer in "${producers[@]}"; do reads+=(--topic "ccsc.$producer.events"); done
  # Read on a topic includes Describe, which the consumer-lag figures need.
  allow "$service" --operation Read "${reads[@]}" --group "ccsc.$service"
  # Live events (libs/messaging's LiveEvents): each replica follows the end of the topics in a group of its
  # own, ccsc.<service>.live.<host>.<pid>.<random>, which commits nothing.
  allow "$service" --operation Read --group "ccsc.$service.live." --resource-pattern-type prefixed
done

user replay "${REPLAY_KAFKA_PASSWORD:?REPLAY_KAFKA_PASSWORD is required}"
dead_letters=()
events=()
groups=()
for service in "${SERVICES[@]}"; do
  dead_letters+=(--topic "ccsc.$service.dead-letters")
  events+=(--topic "ccsc.$service.events")
  groups+=(--group "ccsc.$service.dead-letter-replay")
done
allow replay --operation Read "${dead_letters[@]}" "${groups[@]}"
allow replay --operation Write "${events[@]}"

admin kafka-acls.sh --list
