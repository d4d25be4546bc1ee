#!/usr/bin/env bash
# Installs (if needed) and starts a local PostgreSQL for the server tests, then prints the URL
# to use as TEST_DATABASE_URL. Run as root on Debian.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >&2
fi
pg_ctlcluster "$version" main start >&2 || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
su postgres -c "psql -q -tc \"select 1 from pg_roles where rolname='widgets'\" | grep -q 1 || psql -q -c \"create role widgets login password 'widgets'\"" >&2
su postgres -c "psql -q -tc \"select 1 from pg_database where datname='widgets_test'\" | grep -q 1 || createdb -O widgets widgets_test" >&2
echo "postgres://widgets:widgets@127.0.0.1:5432/widgets_test"
