#!/usr/bin/env bash
# Makes the sample bulletin video content/media/elder-mode-intro.webm: four captioned cards
# (16 s, 1280×720, VP9, no sound track) about the touch terminals' 长辈模式. Needs ffmpeg and the
# Noto CJK fonts (Debian: apt-get install -y ffmpeg fonts-noto-cjk). The video is committed; run
# this only to change it.
set -euo pipefail
cd "$(dirname "$0")/.."
font=${CJK_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc}
out=content/media/elder-mode-intro.webm

# Each card: seconds from | seconds to | headline | line below it.
cards=(
	'0|4|查询机“长辈模式”|触摸屏查询机使用演示'
	'4|8|① 点屏幕底部的“长辈模式”|按钮在“搜索”的右边'
	'8|12|② 字号更大 按钮更大|步骤更少，滑动操作都有按钮'
	'12|16|③ 再点一次“长辈模式”|回到普通模式'
)
filters=''
for card in "${cards[@]}"; do
	IFS='|' read -r from to headline line <<<"$card"
	on="enable='between(t,$from,$to-0.001)'"
	filters+="drawtext=fontfile=$font:text='$headline':fontsize=72:fontcolor=#f2c14e:x=(w-tw)/2:y=h*0.36:$on,"
	filters+="drawtext=fontfile=$font:text='$line':fontsize=44:fontcolor=white:x=(w-tw)/2:y=h*0.58:$on,"
done
filters+="drawbox=x=0:y=ih-12:w=iw*mod(t\,4)/4:h=12:color=#f2c14e:t=fill"

ffmpeg -y -hide_banner -loglevel error \
	-f lavfi -i "color=c=#0b2447:s=1280x720:r=25:d=16" \
	-vf "$filters" -an -c:v libvpx-vp9 -b:v 0 -crf 40 -row-mt 1 -deadline good -cpu-used 4 \
	"$out"
echo "$out: $(du -k "$out" | cut -f1) KiB"
