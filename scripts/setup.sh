#!/usr/bin/env bash
# Idempotent set-up on a fresh Debian machine: system packages, a virtualenv, the project, axe-core.
# Re-running it is cheap: each step checks whether it is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(chromium-headless-shell chromium chromium-driver redis-server openssl postgresql poppler-utils libreoffice-calc-nogui
              fonts-dejavu-core fonts-noto-core fonts-liberation2 tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-kaz
              libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0)
AXE_VERSION=4.14.1
REPLAYWEB_VERSION=2.5.3  # the dashboard's offline replay viewer (ui.js, sw.js)

missing=()
for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    echo "setup: installing Debian packages: ${missing[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Chromium's managed policy: WebRTC only through the proxy (no STUN/TURN over UDP past the egress
# filter), and no background services, autofill, sync, sign-in or suggestions (read by Debian's
# Chromium from this folder; machine-wide, as managed policies are).
POLICY=/etc/chromium/policies/managed/ashyq.json
if ! cmp -s ashyq/config/chromium-policy.json "$POLICY"; then
    echo "setup: Chromium's managed policy (WebRTC only through the proxy, no background services): $POLICY"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO install -D -m 644 ashyq/config/chromium-policy.json "$POLICY"
fi

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv"
    python3 -m venv .venv
    .venv/bin/pip install -q -U pip
fi

# The dependencies are gathered as wheels in .venv/wheelhouse first (resolved once against the index),
# then installed from there: the same time as installing from the index, and an offline install of a
# built wheel reads them in a third of the time (docs/install.md; the wheel test does).
stamp=.venv/.ashyq-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ replica/pyproject.toml -nt "$stamp" ]; then
    echo "setup: the project's dependencies as wheels in .venv/wheelhouse"
    .venv/bin/pip wheel -q -w .venv/wheelhouse '.[postgres,queue,oidc,dev]' ./replica 'setuptools>=77' wheel
    # the project and the replica are built from the checkout when wanted
    rm -f .venv/wheelhouse/ashyq-*.whl .venv/wheelhouse/ashyq_replica-*.whl
    echo "setup: installing the project, its extras and the replica world into .venv"
    .venv/bin/pip install -q --no-index --find-links .venv/wheelhouse -e '.[postgres,queue,oidc,dev]' -e ./replica
    touch "$stamp"
fi
# The project's own modules compiled ahead (pip did it for the dependencies): a shell with
# PYTHONDONTWRITEBYTECODE set otherwise has every process - each crawl, worker, command - compile what
# it imports again (about 0.15 s of CPU each). Up-to-date files are skipped; a stale one is ignored.
.venv/bin/python -m compileall -q -j 0 ashyq replica/ashyq_replica tests benchmarks >/dev/null

if [ ! -f node_modules/axe-core/axe.min.js ] || ! grep -q "\"version\": \"$AXE_VERSION\"" node_modules/axe-core/package.json; then
    echo "setup: installing axe-core $AXE_VERSION"
    npm install --no-audit --no-fund --silent --no-save "axe-core@$AXE_VERSION" >/dev/null
fi

# ReplayWeb.page: only its bundled ui.js and sw.js are used, so the package is unpacked as published
# (its build dependencies are not needed). After axe-core: an npm install may prune it.
if [ ! -f node_modules/replaywebpage/sw.js ] || ! grep -q "\"version\": \"$REPLAYWEB_VERSION\"" node_modules/replaywebpage/package.json; then
    echo "setup: unpacking replaywebpage $REPLAYWEB_VERSION"
    packed="$(mktemp -d)"
    (cd "$packed" && npm pack --silent "replaywebpage@$REPLAYWEB_VERSION" >/dev/null)
    rm -rf node_modules/replaywebpage && mkdir -p node_modules/replaywebpage
    tar -xzf "$packed/replaywebpage-$REPLAYWEB_VERSION.tgz" -C node_modules/replaywebpage --strip-components=1
    rm -rf "$packed"
fi
