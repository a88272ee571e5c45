#!/usr/bin/env bash
# End-to-end tests drive Debian's Chromium (test tools may not download browsers here), and the
# recording test feeds its fake microphone speech made by espeak-ng (Debian).
# Installs what is missing with apt-get when we are root; otherwise says what to do.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium fonts-liberation)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
if [ "${#missing[@]}" = "0" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} for the end-to-end tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing for the end-to-end tests: ${missing[*]}. Install them (Debian: sudo apt-get install ${missing[*]}); CHROMIUM_PATH may point at another Chromium." >&2
exit 1
