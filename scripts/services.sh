#!/usr/bin/env bash
# Starts the Redis and PostgreSQL the storage tests use (127.0.0.1:6379 and :5432) unless they already
# answer, then waits until both do. Exits non-zero saying which one is missing.
set -uo pipefail

WAIT_SECONDS="${SERVICES_WAIT_SECONDS:-30}"

redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
postgres_up() { pg_isready -q -h 127.0.0.1 -p 5432; }

for tool in redis-cli redis-server pg_isready pg_ctlcluster; do
  command -v "$tool" >/dev/null || { echo "services: '$tool' is not installed" >&2; exit 1; }
done

if ! postgres_up; then
  echo "services: starting PostgreSQL"
  # shellcheck disable=SC2046 # one cluster version directory, word-split on purpose
  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start \
    || echo "services: pg_ctlcluster failed; waiting in case it is already starting" >&2
fi

if ! redis_up; then
  echo "services: starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log \
    || echo "services: redis-server failed to start; see /var/log/redis/ci.log" >&2
fi

deadline=$((SECONDS + WAIT_SECONDS))
until redis_up && postgres_up; do
  if ((SECONDS >= deadline)); then
    redis_up || echo "services: Redis is not answering on 127.0.0.1:6379 after ${WAIT_SECONDS}s (log: /var/log/redis/ci.log)" >&2
    postgres_up || echo "services: PostgreSQL is not answering on 127.0.0.1:5432 after ${WAIT_SECONDS}s (log: /var/log/postgresql/)" >&2
    exit 1
  fi
  sleep 0.5
done
echo "services: Redis and PostgreSQL are answering"
