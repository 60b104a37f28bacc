#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what it needs (npm packages, a Chromium for
# Playwright, CJK fonts for screenshots, nginx for the serving tests, Xvfb for the headed launcher
# test), then runs the content check, unit tests, a production build and the end-to-end tests in
# real Chromium (one Playwright configuration: playwright.config.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }

if [ ! -x node_modules/.bin/vite ]; then
	say "Installing npm packages (npm ci)"
	npm ci --no-audit --no-fund
fi

# Playwright cannot download its own browser on our Debian machines, so we drive Debian's chromium.
# Where Playwright's browser is installed (or CHROMIUM_PATH is set), that is used instead.
have_playwright_browser() { ls -d "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1; }
apt_packages=()
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null && ! have_playwright_browser; then
	apt_packages+=(chromium)
fi
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_packages+=(nginx-light)
command -v Xvfb >/dev/null || apt_packages+=(xvfb)
command -v xdotool >/dev/null || apt_packages+=(xdotool)
fc-list :lang=zh 2>/dev/null | grep -q . || apt_packages+=(fonts-noto-cjk)
# Read-aloud on the terminal (tests/voice.e2e.ts): the speech server, its Mandarin voice, a sound server.
command -v speech-dispatcher >/dev/null || apt_packages+=(speech-dispatcher speech-dispatcher-espeak-ng espeak-ng)
command -v parec >/dev/null || apt_packages+=(pulseaudio pulseaudio-utils)
# The printing tests: a real CUPS with a PDF-writing queue, and poppler to read what it wrote.
[ -x /usr/sbin/cupsd ] || apt_packages+=(cups)
[ -e /usr/lib/cups/backend/cups-pdf ] || apt_packages+=(printer-driver-cups-pdf)
command -v pdftotext >/dev/null || apt_packages+=(poppler-utils)
if [ ${#apt_packages[@]} -gt 0 ]; then
	if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
		say "Installing Debian packages: ${apt_packages[*]} (about a minute)"
		apt-get -o DPkg::Lock::Timeout=600 update -qq
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
	else
		echo "Missing: ${apt_packages[*]}. Install them (or set CHROMIUM_PATH), then run again." >&2
		exit 1
	fi
fi

# Some CUPS updates freeze Chromium's printing (deploy/kiosk/lobby-kiosk-cups): use one that prints.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
	bash deploy/kiosk/lobby-kiosk-cups fix --no-hold || true # tests/print.e2e.ts then says why
fi

say "Checking content"
npm run --silent content:check

say "Unit tests (vitest)"
npx vitest run

say "Production build"
npm run --silent build

say "End-to-end tests (Playwright, Chromium): kiosk, bulletin, offline, nginx"
npx playwright test "$@"

say "Terminal launcher and systemd units (deploy/kiosk)"
bash deploy/kiosk/check.sh
