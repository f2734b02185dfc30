# Sourced by .ci/run (and handy for contributors): puts Node 24 first on PATH.
# When the machine's Node is older, Node 24 comes from the npm registry's `node@24` package,
# installed once into .ci/.node (ignored by git).
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 24 ]; then
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  if [ ! -x "$here/.node/node_modules/.bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo none) is older than 24: installing node@24 from the npm registry into .ci/.node"
    npm install --prefix "$here/.node" --no-save --no-package-lock --no-audit --no-fund node@24 >/dev/null
  fi
  export PATH="$here/.node/node_modules/.bin:$PATH"
fi
echo "Using Node $(node --version), npm $(npm --version)"
