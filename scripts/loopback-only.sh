#!/usr/bin/env bash
# Runs a command in a network namespace that has only `lo`, so WebRTC's ICE never offers or probes
# this machine's other addresses (the call's tests). Needs root for `unshare -n`; without it the
# command runs as is, with a note, unless CI is set.
set -euo pipefail
if [ "$(id -u)" = "0" ] && command -v unshare >/dev/null 2>&1; then
  exec unshare -n bash -c 'ip link set lo up && exec "$@"' loopback-only "$@"
fi
if [ -n "${CI:-}" ]; then
  echo "loopback-only: CI needs root and unshare to run the call's tests in a loopback-only namespace" >&2
  exit 1
fi
echo "loopback-only: not root, running without a network namespace (ICE may see other interfaces)" >&2
exec "$@"
