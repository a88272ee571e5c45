#!/usr/bin/env bash
# `npm run runner:setup`: installs what the server-side runner needs on Debian (as root): the
# sandbox (bubblewrap) and the toolchains of the languages it runs: Java (OpenJDK 17), C++ (g++),
# Go, and Python with numpy, pandas and scikit-learn. Elsewhere it says what to install; the
# server runs without them and says in the room which languages cannot run and why.
set -euo pipefail

PACKAGES=(bubblewrap openjdk-17-jdk-headless g++ golang-go python3-numpy python3-pandas python3-sklearn)

missing=()
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v go >/dev/null 2>&1 || [ -x /usr/lib/go/bin/go ] || missing+=(golang-go)
/usr/bin/python3 -c 'import numpy, pandas, sklearn' >/dev/null 2>&1 ||
  missing+=(python3-numpy python3-pandas python3-sklearn)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "The runner's sandbox and toolchains are installed."
  exit 0
fi

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "Done: the runner's sandbox and toolchains are installed."
else
  echo "Missing for the server-side runner: ${missing[*]}." >&2
  echo "On Debian or Ubuntu, as root: apt-get install ${PACKAGES[*]}" >&2
  echo "Without them Java, C++, Go and Python + numpy say in the room why they cannot run;" >&2
  echo "Python, JavaScript and TypeScript keep running in the browser." >&2
  exit 1
fi
