#!/usr/bin/env bash
# The test suite talks to a real PostgreSQL (127.0.0.1:5432, trust auth, database "test") and, for
# the several-machines mode, a real Redis (127.0.0.1:6379) and HAProxy; the call's tests start
# coturn. Starts what is installed but not running, installs what is missing with apt-get (as
# root), and says what is wrong.
set -euo pipefail

apt_install() {
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's $* ..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "Missing: $*. Install it (Debian: sudo apt-get install $*)." >&2
    exit 1
  fi
}

# PostgreSQL
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "Starting PostgreSQL..."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL is not reachable on 127.0.0.1:5432." >&2; exit 1; }
fi
psql -h 127.0.0.1 -U postgres -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'test'" | grep -q 1 ||
  psql -h 127.0.0.1 -U postgres -d postgres -c 'CREATE DATABASE test' >/dev/null

# Redis
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  command -v redis-server >/dev/null 2>&1 || apt_install redis-server
  echo "Starting Redis..."
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi

# HAProxy and coturn (the binaries only: tests start their own instances), and iproute2 for the
# call's loopback-only network namespace
command -v haproxy >/dev/null 2>&1 || apt_install haproxy
command -v turnserver >/dev/null 2>&1 || apt_install coturn
# openssl makes the HTTPS tests' certificates.
command -v openssl >/dev/null 2>&1 || apt_install openssl
command -v ip >/dev/null 2>&1 || apt_install iproute2
exit 0
