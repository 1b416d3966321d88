"""Make the two derived font files in resources/fonts/ from their upstream releases.

Every other font there is shipped as its upstream file, unmodified. Two are derived:

- UpwardPrepHangul-Regular.ttf: NanumGothic (4.7 MB, with 4,888 hanja) cut to Hangul and its
  jamo (1.3 MB; the hanja come from the CJK fallback), without hinting. The OFL reserves the
  names "Nanum" and "NanumGothic" for the original, so the cut is renamed.
- NotoEmoji-Regular.ttf: Noto Emoji (monochrome) at weight 400, converted from the WOFF2 file
  of the @fontsource/noto-emoji npm package to TrueType, glyphs unchanged.

Run with fontTools and brotli installed (`pip install fonttools brotli`, not needed by the app):

    python packaging/fonts/make_fonts.py NanumGothic.ttf noto-emoji-emoji-400-normal.woff2

NanumGothic.ttf comes from the Debian package fonts-nanum (20200506-1), the WOFF2 from
@fontsource/noto-emoji 5.3.2 (files/noto-emoji-emoji-400-normal.woff2).
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
HANGUL = "U+1100-11FF,U+3130-318F,U+A960-A97F,U+AC00-D7A3,U+D7B0-D7FF"
HANGUL_NAME = "UpwardPrep Hangul"


def hangul(source: Path, target: Path) -> None:
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = TTFont(source)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(HANGUL))
    subsetter.subset(font)
    names = font["name"]
    postscript = HANGUL_NAME.replace(" ", "") + "-Regular"
    for record in list(names.names):
        if record.nameID in (1, 4, 16, 17, 18, 21, 22):
            names.removeNames(nameID=record.nameID)
    for platform, encoding, language in ((3, 1, 0x409), (1, 0, 0)):
        names.setName(HANGUL_NAME, 1, platform, encoding, language)
        names.setName(f"{HANGUL_NAME} Regular", 4, platform, encoding, language)
        names.setName(postscript, 6, platform, encoding, language)
        names.setName(f"{postscript}; derived from NanumGothic 3.021", 3, platform, encoding, language)
    font.save(target)


def emoji(source: Path, target: Path) -> None:
    font = TTFont(source)
    font.flavor = None
    font.save(target)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    hangul(Path(argv[0]), FONTS / "UpwardPrepHangul-Regular.ttf")
    emoji(Path(argv[1]), FONTS / "NotoEmoji-Regular.ttf")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
