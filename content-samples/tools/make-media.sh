#!/bin/sh
# Rebuild all generated media of the sample course from the sources in this folder:
#   narration/*.txt  -> media/NAME.webm or .ogg, NAME.vtt (captions), NAME.txt (transcript)
#   slides/*.svg     -> the frames of the video and its poster (media/NAME-poster.png)
# The illustrations in ../ai-bewustzijn/media/*.svg are hand-written sources themselves.
# Needs: espeak-ng, ffmpeg (libvpx-vp9, libopus), librsvg2-bin (rsvg-convert), python3.
#   apt-get install -y espeak-ng ffmpeg librsvg2-bin python3
# The result is deterministic: running it twice gives identical files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
course=$here/../ai-bewustzijn
for tool in espeak-ng ffmpeg rsvg-convert python3; do
  command -v "$tool" >/dev/null || { echo "make-media.sh: $tool is missing" >&2; exit 1; }
done
python3 "$here/build-media.py" "$here/narration/wat-is-ai.txt" "$course" --video
python3 "$here/build-media.py" "$here/narration/dilemma-chatbot.txt" "$course" --audio
python3 "$here/build-media.py" "$here/narration/rotterdam-risicomodel.txt" "$course" --audio
du -sh "$course" | sed 's/^/course size: /'
