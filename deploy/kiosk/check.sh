#!/usr/bin/env bash
# Checks the terminal files (and the server's publish script) without a terminal: shell syntax, the address each example opens, bad
# settings refused, the Chromium flags, and the systemd units (systemd-analyze verify, where
# systemd is installed). Run by `npm test`; exits non-zero on any problem.
set -euo pipefail
here=$(dirname "$(readlink -f "$0")")
launch=$here/lobby-kiosk-launch
fail() {
	echo "✗ $*" >&2
	exit 1
}

for script in "$launch" "$here/lobby-kiosk-power" "$here/lobby-kiosk-cups" "$here/install.sh" "$here/check.sh" "$here/../server/lobby-kiosk-publish"; do
	bash -n "$script" || fail "syntax error in $script"
done

url_for() { (set -a && . "$1" && "$launch" --print-url); }
[[ $(url_for "$here/examples/portrait-touch.env") == 'https://kiosk.example.gov.cn/?terminal=hall1-entrance-touch&mode=kiosk' ]] ||
	fail "portrait-touch.env opens the wrong address: $(url_for "$here/examples/portrait-touch.env")"
[[ $(url_for "$here/examples/led-strip.env") == 'https://kiosk.example.gov.cn/?terminal=hall1-led-entrance&mode=bulletin&screen=entrance-strip' ]] ||
	fail "led-strip.env opens the wrong address: $(url_for "$here/examples/led-strip.env")"

refuses() {
	if env -i PATH="$PATH" "$@" "$launch" --print-url >/dev/null 2>&1; then fail "accepted: $*"; fi
}
refuses KIOSK_SERVER=https://k.example KIOSK_TERMINAL_ID='a b'
refuses KIOSK_SERVER=https://k.example KIOSK_TERMINAL_ID='x&mode=bulletin'
refuses KIOSK_SERVER=https://k.example/path KIOSK_TERMINAL_ID=t1
refuses KIOSK_SERVER=https://k.example KIOSK_TERMINAL_ID=t1 KIOSK_MODE=bulletin
refuses KIOSK_SERVER=https://k.example KIOSK_TERMINAL_ID=t1 KIOSK_ROTATE=45
refuses KIOSK_SERVER=https://k.example KIOSK_TERMINAL_ID=t1 KIOSK_OUTPUT_MODE=wide

refuses KIOSK_SERVER=https://k.example KIOSK_TERMINAL_ID=t1 KIOSK_LOCK_TO_SERVER=maybe
refuses KIOSK_SERVER=https://k.example KIOSK_TERMINAL_ID=t1 KIOSK_PRINTER='hall printer'

# A printer: the address says so, Chromium prints silently, the policy allows printing (and its
# hidden preview pages); without one, none of that.
printing() { env -i PATH="$PATH" KIOSK_SERVER=https://k.example KIOSK_TERMINAL_ID=t1 KIOSK_PRINTER=hall-printer "$launch" "$@"; }
[[ $(printing --print-url) == 'https://k.example/?terminal=t1&mode=kiosk&printer=yes' ]] ||
	fail "KIOSK_PRINTER: the address does not say the terminal has a printer: $(printing --print-url)"
[[ $(printing --print-command) == *--kiosk-printing* ]] || fail "KIOSK_PRINTER: Chromium is started without --kiosk-printing"
printing --print-policy | node -e '
	const p = JSON.parse(require("fs").readFileSync(0, "utf8"));
	const ok = p.PrintingEnabled === true && p.PrintHeaderFooter === false &&
		JSON.parse(p.DefaultPrinterSelection).idPattern === "^hall-printer$" &&
		p.URLAllowlist.includes("chrome://print") && p.URLAllowlist.includes("chrome-untrusted://print");
	if (!ok) process.exit(1);
' || fail "KIOSK_PRINTER: the policy does not allow printing to that printer"

# The policy: valid JSON, locked to the server by default (opt out with KIOSK_LOCK_TO_SERVER=no).
policy_of() { env -i PATH="$PATH" KIOSK_SERVER=https://k.example KIOSK_TERMINAL_ID=t1 "$@" "$launch" --print-policy; }
node -e '
	const p = JSON.parse(require("fs").readFileSync(0, "utf8"));
	const want = { DownloadRestrictions: 3, AllowFileSelectionDialogs: false,
		TaskManagerEndProcessEnabled: false, SavingBrowserHistoryDisabled: true,
		DeveloperToolsAvailability: 2, PrintingEnabled: false,
		URLBlocklist: ["*", "chrome://*"], URLAllowlist: ["https://k.example"] };
	for (const [k, v] of Object.entries(want))
		if (JSON.stringify(p[k]) !== JSON.stringify(v)) { console.error(`policy ${k}: ${JSON.stringify(p[k])}`); process.exit(1); }
' < <(policy_of) || fail "the default policy is not locked down"
[[ $(policy_of KIOSK_LOCK_TO_SERVER=no) != *URLBlocklist* ]] || fail "KIOSK_LOCK_TO_SERVER=no still locks"
for example in "$here"/examples/*.env; do
	grep -q '^KIOSK_LOCK_TO_SERVER=yes$' "$example" || fail "$example does not lock to the server"
done

command=$(set -a && . "$here/examples/portrait-touch.env" && HOME=/home/kiosk "$launch" --print-command)
for flag in --kiosk --noerrdialogs --disable-session-crashed-bubble --disable-infobars --disable-pinch \
	--overscroll-history-navigation=0 --disable-background-networking --disable-component-update \
	--no-first-run --check-for-update-interval=31536000 --autoplay-policy=no-user-gesture-required \
	--password-store=basic 'Translate\,TranslateUI\,OverscrollHistoryNavigation'; do
	[[ $command == *"$flag"* ]] || fail "Chromium is started without $flag"
done
[[ $command != *--kiosk-printing* && $(url_for "$here/examples/portrait-touch.env") != *printer* ]] ||
	fail "a terminal without KIOSK_PRINTER prints"
[[ $(grep -o -- '--disable-features' <<<"$command" | wc -l) == 1 ]] || fail "more than one --disable-features"

# The display power timer's decision, with stub curl (serving a schedule) and stub xset on PATH.
power_dir=$(mktemp -d)
mkdir -p "$power_dir/bin"
cat >"$power_dir/power.txt" <<'SCHEDULE'
# 信息发布屏开关屏时间
entrance-strip 1000 2000
entrance-strip 5000 6000
hall-main 1000 9000
SCHEDULE
printf '#!/bin/sh\n[ -n "$POWER_OFFLINE" ] && exit 7\ncat "%s/power.txt"\n' "$power_dir" >"$power_dir/bin/curl"
printf '#!/bin/sh\necho "$*" >>"%s/xset.log"\n' "$power_dir" >"$power_dir/bin/xset"
chmod +x "$power_dir/bin/curl" "$power_dir/bin/xset"
power() { # <now> <screen> [--decide]: runs the power script as the timer would
	env -i PATH="$power_dir/bin:$PATH" HOME="$power_dir/home" KIOSK_SERVER=https://k.example \
		KIOSK_MODE=bulletin KIOSK_SCREEN="$2" KIOSK_POWER_METHOD=xset KIOSK_POWER_NOW="$1" \
		POWER_OFFLINE="${POWER_OFFLINE:-}" "$here/lobby-kiosk-power" ${3:+"$3"} 2>/dev/null
}
xset_log() { cat "$power_dir/xset.log" 2>/dev/null || true; }
[[ $(power 1500 entrance-strip --decide) == on ]] || fail "power: on inside the on-time"
[[ $(power 3000 entrance-strip --decide) == off ]] || fail "power: off between on-times"
[[ $(power 7000 entrance-strip --decide) == on ]] || fail "power: on once the schedule has run out"
[[ $(power 3000 corridor-2f --decide) == keep ]] || fail "power: a screen without a schedule is switched"
[[ -z $(xset_log) ]] || fail "power: --decide switched the display"
power 3000 entrance-strip
[[ $(xset_log) == 'dpms force off' ]] || fail "power: off at night should run xset dpms force off, ran: $(xset_log)"
power 3300 entrance-strip
[[ $(xset_log) == 'dpms force off' ]] || fail "power: the display is switched again without a change: $(xset_log)"
POWER_OFFLINE=1 power 5500 entrance-strip
[[ $(xset_log) == $'dpms force off\ndpms force on' ]] || fail "power: without the server, the last copy should switch it on: $(xset_log)"
power 3000 corridor-2f
[[ $(xset_log | wc -l) == 2 ]] || fail "power: a screen without a schedule was switched"
env -i PATH="$power_dir/bin:$PATH" HOME="$power_dir/home" KIOSK_SERVER=https://k.example KIOSK_MODE=kiosk \
	"$here/lobby-kiosk-power" || fail "power: a touch kiosk should be a no-op"
[[ $(xset_log | wc -l) == 2 ]] || fail "power: a touch kiosk was switched"
rm -rf "$power_dir"

# The CUPS guard: a libcups2 that freezes Chromium's printing is refused, others pass (a stub
# dpkg-query says which is installed).
cups_dir=$(mktemp -d)
mkdir "$cups_dir/bin"
cups_check() {
	printf '#!/bin/sh\nprintf %%s "%s"\n' "$1" >"$cups_dir/bin/dpkg-query"
	chmod +x "$cups_dir/bin/dpkg-query"
	PATH="$cups_dir/bin:$PATH" "$here/lobby-kiosk-cups" check 2>/dev/null
}
for frozen in 2.4.2-3+deb12u10 2.4.15-1 2:2.4.15-1; do
	if cups_check "$frozen"; then fail "lobby-kiosk-cups: libcups2 $frozen freezes printing but passed"; fi
done
for fine in 2.4.2-3+deb12u9 2:2.4.14-1 2.4.16-1 ''; do
	cups_check "$fine" || fail "lobby-kiosk-cups: libcups2 '$fine' prints but was refused"
done
rm -rf "$cups_dir"

if command -v systemd-analyze >/dev/null; then
	# A scratch root with the system's units, so `verify` resolves targets and binaries.
	root=$(mktemp -d)
	trap 'rm -rf "$root"' EXIT
	mkdir -p "$root/usr/lib/systemd" "$root/usr/bin"
	cp -a /usr/lib/systemd/system "$root/usr/lib/systemd/"
	cp "$(command -v systemctl)" "$root/usr/bin/"
	ROOT=$root "$here/install.sh" "$here/examples/portrait-touch.env" >/dev/null
	units=("$root"/etc/systemd/system/lobby-kiosk{.service,-restart.service,-restart.timer,-power.service,-power.timer})
	out=$(systemd-analyze verify --root="$root" "${units[@]}" 2>&1) || fail "systemd-analyze verify: $out"
	[[ -z $out ]] || fail "systemd-analyze verify: $out"
	echo "✓ terminal launcher, example settings and systemd units"
else
	echo "✓ terminal launcher and example settings (systemd-analyze not installed: units not verified)"
fi
