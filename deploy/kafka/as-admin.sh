#!/usr/bin/env bash
# Runs one of Kafka's command-line tools as the broker's admin principal (a super user): the
# health check, the topic job and the users-and-ACLs job. The password comes from ADMIN_PASSWORD and
# is written only to a temporary client file, never to the command line or the log.
#   bash /opt/ccsc/as-admin.sh kafka-topics.sh --bootstrap-server kafka:9092 --list
set -Eeuo pipefail
tool=$1
shift
config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${ADMIN_PASSWORD:?ADMIN_PASSWORD is required}";
PROPERTIES
"/opt/kafka/bin/$tool" --command-config "$config" "$@"
