#!/bin/sh
# Rebuilds the test audio: a spoken Dutch sentence padded to 12 s of
# Opus (about 20 KB). Needs espeak-ng and ffmpeg; the result is committed.
set -eu
cd "$(dirname "$0")"
espeak-ng -v nl -w /tmp/helder-a11y-voice.wav "Welkom. Dit is een korte uitleg over AI."
ffmpeg -loglevel error -y -i /tmp/helder-a11y-voice.wav -af apad=whole_dur=12 -ac 1 -ar 16000 \
  -c:a libopus -b:a 12k course/media/uitleg.ogg
rm -f /tmp/helder-a11y-voice.wav
