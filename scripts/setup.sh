#!/usr/bin/env bash
# Installs what apigw-advisor needs on a fresh Debian 12 machine with Swift 6 at /opt/swift:
# ncursesw headers (the interview), tmux (the real-terminal tests), and the Python tools the
# tests and scripts run (scripts/python-tools.txt: cfn-lint, aws-sam-translator, openapi-spec-validator,
# PyYAML, jsonschema).
#
# When the system Python cannot import those tools (Debian's Python is "externally managed" and
# refuses `pip install`), they go into a repo-local virtualenv `.venv/`; the test helpers look in
# `.venv/bin` first, then PATH. Safe to run again. Exits non-zero, saying what is missing, when
# anything could not be installed: it never reports success it did not achieve.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "setup FAILED: $*" >&2; exit 1; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_updated=no
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = no ]; then
    $SUDO apt-get update || fail "apt-get update did not work"
    apt_updated=yes
  fi
  $SUDO apt-get install -y --no-install-recommends "$@" || fail "apt-get install $* did not work"
}

need_apt=()
[ -e /usr/include/ncursesw/curses.h ] || need_apt+=(libncursesw5-dev)
command -v tmux >/dev/null 2>&1 || need_apt+=(tmux)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
[ ${#need_apt[@]} -eq 0 ] || apt_install "${need_apt[@]}"

# The Python modules and commands everything needs (versions: scripts/python-tools.txt).
modules='import cfnlint, samtranslator, openapi_spec_validator, yaml, jsonschema'
tools_work() { # $1: python, $2: folder of the commands ("" = PATH)
  "$1" -c "$modules" >/dev/null 2>&1 || return 1
  if [ -n "$2" ]; then
    [ -x "$2/cfn-lint" ] && [ -x "$2/openapi-spec-validator" ] || return 1
  else
    command -v cfn-lint >/dev/null 2>&1 && command -v openapi-spec-validator >/dev/null 2>&1 || return 1
  fi
}

if tools_work python3 ""; then
  echo "setup: the Python tools are installed for $(command -v python3)"
else
  if [ ! -x .venv/bin/python3 ] || ! .venv/bin/python3 -m pip --version >/dev/null 2>&1; then
    rm -rf .venv
    if ! python3 -m venv .venv >/dev/null 2>&1; then
      # Debian ships venv's ensurepip separately (python3-venv, and python3.X-venv for the exact version).
      rm -rf .venv
      version=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
      apt_install python3-venv "python${version}-venv"
      python3 -m venv .venv || fail "python3 -m venv .venv did not work even with python3-venv installed"
    fi
  fi
  # Always run: it is quick when everything is there, and it brings an older .venv/ to the pinned versions.
  .venv/bin/python3 -m pip install --quiet --disable-pip-version-check -r scripts/python-tools.txt \
    || fail "pip could not install scripts/python-tools.txt into .venv/"
  tools_work .venv/bin/python3 .venv/bin \
    || fail "the tools were installed into .venv/ but '$modules' or .venv/bin/cfn-lint, .venv/bin/openapi-spec-validator do not work"
  echo "setup: the Python tools are installed in .venv/ (the system Python cannot import them)"
fi
echo "setup done"
