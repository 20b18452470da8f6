#!/bin/sh
# Makes the PNG screenshots in screenshots/ from the real interface.
# Needs DejaVu Sans Mono (Debian: apt-get install fonts-dejavu-core fonts-noto-cjk).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mono=${MONO_FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf}
cjk=${CJK_FONT:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
cargo run --quiet --release --manifest-path "$here/make/Cargo.toml" \
    --target-dir "$here/../target" -- "$here" "$mono" "$cjk"
