#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs the AWS emulator (moto) into ./.venv
# and Debian's chromium (for the HTML report's browser test) when they are missing, then runs
# every Rust test (unit, integration, moto-backed, Rego, headless browser).
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

# The JUnit reporter's test validates against tests/schemas/junit.xsd with xmllint
# (Debian's libxml2-utils). Here it is required; a bare `cargo test` without xmllint only
# checks well-formedness.
if ! command -v xmllint >/dev/null 2>&1; then
    echo "installing libxml2-utils (xmllint)" >&2
    if [ "$(id -u)" = 0 ]; then
        { apt-get install -y -qq libxml2-utils >/dev/null 2>&1 ||
            { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq libxml2-utils >/dev/null 2>&1; }; } ||
            echo "warning: could not install libxml2-utils" >&2
    else
        echo "warning: xmllint missing and not root; run: sudo apt-get install -y libxml2-utils" >&2
    fi
fi
export COMPLYCTL_REQUIRE_XMLLINT=1
# The HTML report is rendered in headless Chromium (tests/audit_report.rs). Without it that
# test fails with instructions, unless COMPLYCTL_SKIP_BROWSER=1.
if ! command -v chromium >/dev/null 2>&1 && [ "${COMPLYCTL_SKIP_BROWSER:-}" != "1" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "installing chromium (apt-get)" >&2
        export DEBIAN_FRONTEND=noninteractive
        { apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; } ||
            echo "could not install chromium: the browser test will fail (COMPLYCTL_SKIP_BROWSER=1 skips it)" >&2
    else
        echo "chromium is missing: install Debian's chromium, or set COMPLYCTL_SKIP_BROWSER=1" >&2
    fi
fi

cargo test --locked --all-targets "$@"
