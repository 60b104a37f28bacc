#!/usr/bin/env bash
# Turns a Debian 12 (or Ubuntu 22.04+) machine into a lobby kiosk terminal:
#
#   sudo deploy/kiosk/install.sh deploy/kiosk/examples/portrait-touch.env [--nightly-restart]
#
# Installs Chromium, the cage kiosk compositor and Chinese fonts; creates the `kiosk` user;
# installs the launcher, the systemd service (and, with --nightly-restart, its timer); copies the
# settings to /etc/lobby-kiosk/terminal.env unless that file exists (edit it there afterwards).
# ROOT=/some/dir installs the files under that folder only (no packages, user or systemctl): a dry
# run to look at what goes where.
set -euo pipefail

die() {
	echo "install.sh: $*" >&2
	exit 1
}
here=$(dirname "$(readlink -f "$0")")
env_file=${1:-}
nightly=no
[[ ${2:-} == --nightly-restart ]] && nightly=yes
[[ -f $env_file ]] || die "usage: sudo $0 <terminal.env> [--nightly-restart]"
root=${ROOT:-}
if [[ -z $root && $(id -u) != 0 ]]; then die "run as root (sudo)"; fi

# Check the settings before installing anything: a typo should not mean a black screen.
(
	set -a
	# shellcheck disable=SC1090
	. "$env_file"
	"$here/lobby-kiosk-launch" --print-url >/dev/null
) || die "fix $env_file first"

if [[ -z $root ]]; then
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		chromium cage wlr-randr fonts-noto-cjk curl
	# Read-aloud: Chromium speaks through speech-dispatcher; espeak-ng brings a Mandarin voice (cmn).
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
		speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pulseaudio
	# A hall printer (KIOSK_PRINTER): CUPS, and that queue as the system's default printer.
	# shellcheck disable=SC1090
	printer=$(set -a && . "$env_file" && echo "${KIOSK_PRINTER:-}")
	if [[ -n $printer ]]; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends cups
		# Some CUPS updates freeze Chromium's printing: keep one that prints (lobby-kiosk-cups).
		"$here/lobby-kiosk-cups" fix || true
		if lpstat -p "$printer" >/dev/null 2>&1; then
			lpadmin -d "$printer"
		else
			echo "Printer '$printer' is not set up in CUPS yet: see DEPLOY.md, \"A printer\"."
		fi
	fi
	if ! id kiosk >/dev/null 2>&1; then
		groups=()
		for g in video input render audio; do getent group "$g" >/dev/null && groups+=("$g"); done
		useradd --create-home --shell /usr/sbin/nologin --comment 'Lobby kiosk' \
			--groups "$(IFS=,; echo "${groups[*]}")" kiosk
	fi
fi

install -D -m 755 "$here/lobby-kiosk-launch" "$root/usr/local/bin/lobby-kiosk-launch"
install -D -m 755 "$here/lobby-kiosk-power" "$root/usr/local/bin/lobby-kiosk-power"
install -D -m 755 "$here/lobby-kiosk-cups" "$root/usr/local/bin/lobby-kiosk-cups"
for unit in lobby-kiosk.service lobby-kiosk-restart.service lobby-kiosk-restart.timer \
	lobby-kiosk-power.service lobby-kiosk-power.timer; do
	install -D -m 644 "$here/$unit" "$root/etc/systemd/system/$unit"
done
if [[ -e $root/etc/lobby-kiosk/terminal.env ]]; then
	echo "Keeping the existing $root/etc/lobby-kiosk/terminal.env (compare with $env_file)."
else
	install -D -m 644 "$env_file" "$root/etc/lobby-kiosk/terminal.env"
fi

if [[ -z $root ]]; then
	systemctl daemon-reload
	systemctl enable lobby-kiosk.service
	[[ $nightly == yes ]] && systemctl enable lobby-kiosk-restart.timer
	# A bulletin screen follows its on-times (screens.yaml `power`; none: always on).
	# shellcheck disable=SC1091
	if [[ $(set -a && . /etc/lobby-kiosk/terminal.env && echo "${KIOSK_MODE:-kiosk}") == bulletin ]]; then
		systemctl enable lobby-kiosk-power.timer
	fi
	echo
	echo "Installed. Start it now with: systemctl start lobby-kiosk   (or reboot)"
	echo "It will open: $(set -a && . /etc/lobby-kiosk/terminal.env && /usr/local/bin/lobby-kiosk-launch --print-url)"
else
	echo "Installed under $root (dry run: no packages, no user, no systemctl)."
fi
