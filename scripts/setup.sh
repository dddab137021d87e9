#!/usr/bin/env bash
# Installs what apigw-advisor needs on a fresh Debian machine with Swift 6 at /opt/swift:
# ncursesw headers (the interview), tmux (the real-terminal tests), and the Python validators
# the template tests run (cfn-lint, openapi-spec-validator). Safe to run again.
set -euo pipefail
need_apt=()
[ -e /usr/include/ncursesw/curses.h ] || need_apt+=(libncursesw5-dev)
command -v tmux >/dev/null 2>&1 || need_apt+=(tmux)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3 python3-pip)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends "${need_apt[@]}"
fi
if ! command -v cfn-lint >/dev/null 2>&1 || ! command -v openapi-spec-validator >/dev/null 2>&1; then
  python3 -m pip install --quiet cfn-lint openapi-spec-validator \
    || echo "warning: could not install cfn-lint/openapi-spec-validator; the template tests will say they skipped them" >&2
fi
echo "setup done"
