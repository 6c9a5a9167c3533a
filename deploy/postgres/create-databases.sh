#!/usr/bin/env bash
# Run once by the postgres image when its volume is new (docker-entrypoint-initdb.d): one role per
# service that owns its own database and can connect to no other, so a service that is broken into
# reads only its own data. The superuser (POSTGRES_PASSWORD) is for operators, never for a service.
# Passwords come from <SERVICE>_DB_PASSWORD; they go into DATABASE_URLs, so keep them URL-safe
# (e.g. `openssl rand -hex 24`). To change one later: ALTER ROLE <service> PASSWORD '...' as postgres.
set -Eeo pipefail

# Nobody but the superuser connects to the maintenance databases; each service database is opened
# below to its owner only (PUBLIC may connect to a new database by default).
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<'SQL'
REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT, TEMPORARY ON DATABASE template1 FROM PUBLIC;
SQL

for service in cases queries complaints payments enforcement; do
  variable="${service^^}_DB_PASSWORD"
  password="${!variable:?$variable is required: the password of the $service role}"
  # The database's owner owns its public schema too (PostgreSQL 15+), so the service's migrations
  # create their tables and trusted extensions (pg_trgm) without any further grant.
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -v role="$service" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"role" TO :"role";
SQL
done
