#!/bin/bash
# Least privilege (issue 10, item 7), as `npm run infra:up` does on a machine's own server
# (tools/infra/src/postgres/service-roles.ts): one LOGIN role per service, named as its database (no superuser, no
# CREATEDB, no CREATEROLE), owning that database and its `public` schema, and the only role besides superusers allowed
# to connect to it. Runs once, when the postgres container initialises an empty volume, after 10-service-databases.sql.
# Passwords: `<SERVICE>_DB_PASSWORD` (ORG_UNITS_DB_PASSWORD, CAMPAIGNS_DB_PASSWORD, ASSESSMENTS_DB_PASSWORD,
# MODELS_DB_PASSWORD, AWARDS_DB_PASSWORD, GATEWAY_DB_PASSWORD) from the container's environment, else `<role>-dev`, the
# defaults docker-compose.yml's platform services log in with (a local try-out only: set real ones anywhere else).
for pair in org_units:ORG_UNITS campaigns:CAMPAIGNS assessments:ASSESSMENTS models:MODELS awards:AWARDS gateway:GATEWAY; do
  role=antt_${pair%%:*}
  variable=${pair#*:}_DB_PASSWORD
  password=${!variable:-$role-dev}
  psql -v ON_ERROR_STOP=1 -q -U "${POSTGRES_USER:-postgres}" -d postgres -v role="$role" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :'password';
ALTER DATABASE :"role" OWNER TO :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"role" TO :"role";
SQL
  psql -v ON_ERROR_STOP=1 -q -U "${POSTGRES_USER:-postgres}" -d "$role" -c "ALTER SCHEMA public OWNER TO \"$role\""
  echo "service role $role: owns database $role"
done
