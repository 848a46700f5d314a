#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the AWS emulator (moto) into ./.venv
# when it is missing, then runs every Rust test (unit, integration, moto-backed, Rego).
set -euo pipefail
cd "$(dirname "$0")/.."

MOTO_VERSION="5.2.5"
VENV=".venv"
if [ ! -x "$VENV/bin/moto_server" ] || ! "$VENV/bin/python" -c "import moto, sys; sys.exit(moto.__version__ != '$MOTO_VERSION')" 2>/dev/null; then
    echo "installing moto[server]==$MOTO_VERSION into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
fi
export COMPLYCTL_MOTO_SERVER="$PWD/$VENV/bin/moto_server"

cargo test --locked --all-targets "$@"
