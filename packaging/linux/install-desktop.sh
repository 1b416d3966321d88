#!/bin/sh
# Install UpwardPrep for the current user the way desktops expect (XDG base directories): the menu
# entry, the AppStream metainfo (software centres) and the icon in every size. Needs no root.
#
#   install-desktop.sh --bundle DIR     copy a PyInstaller bundle (dist/upwardprep) to
#                                       ~/.local/lib/upwardprep, link ~/.local/bin/upwardprep to it
#   install-desktop.sh --exec PROGRAM   let the menu entry start PROGRAM (e.g. a venv's upwardprep)
#   install-desktop.sh --uninstall      remove everything the two forms above installed
#
# PREFIX (default ~/.local) and XDG_DATA_HOME (default $PREFIX/share) say where. The user's
# notes are never touched: they live in the data folder UpwardPrep itself chooses.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
data=${XDG_DATA_HOME:-$prefix/share}
app_id=io.github.upwardprep.upwardprep
libdir=$prefix/lib/upwardprep
bindir=$prefix/bin

usage() {
    sed -n '5,8p' "$0" | sed 's/^# *//' >&2
    exit 1
}

refresh_caches() {
    # Menus and icon themes pick new files up by themselves on most desktops; these make sure.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
    fi
}

uninstall() {
    rm -f "$data/applications/upwardprep.desktop" "$data/metainfo/$app_id.metainfo.xml"
    for icon in "$here"/icons/hicolor/*/apps/upwardprep.*; do
        size_dir=$(basename "$(dirname "$(dirname "$icon")")")
        rm -f "$data/icons/hicolor/$size_dir/apps/$(basename "$icon")"
    done
    if [ -L "$bindir/upwardprep" ] && [ "$(readlink "$bindir/upwardprep")" = "$libdir/upwardprep" ]; then
        rm -f "$bindir/upwardprep"
    fi
    rm -rf "$libdir"
    refresh_caches
    echo "UpwardPrep's menu entry, icons and program files are removed (your notes are kept)."
}

[ $# -ge 1 ] || usage
case $1 in
--uninstall)
    uninstall
    exit 0
    ;;
--bundle)
    [ $# -eq 2 ] || usage
    bundle=$(cd "$2" && pwd)
    [ -x "$bundle/upwardprep" ] || { echo "$bundle/upwardprep is not a built bundle" >&2; exit 1; }
    mkdir -p "$prefix/lib" "$bindir"
    rm -rf "$libdir.new"
    cp -a "$bundle" "$libdir.new"
    rm -rf "$libdir"
    mv "$libdir.new" "$libdir"
    ln -sfn "$libdir/upwardprep" "$bindir/upwardprep"
    program=$bindir/upwardprep
    ;;
--exec)
    [ $# -eq 2 ] || usage
    case $2 in
    /*) program=$2 ;;
    *) program=$(command -v "$2" || true) ;;
    esac
    [ -n "$program" ] && [ -x "$program" ] || { echo "$2 is not an executable program" >&2; exit 1; }
    ;;
*) usage ;;
esac

# The Exec key is a quoted command line: refuse the few characters that would need escaping
# rather than risk a menu entry that starts something else.
case $program in
*[\"\`\$\\%\&\|]* | *"
"*)
    echo "The program path $program contains characters a menu entry cannot hold; move it." >&2
    exit 1
    ;;
esac

mkdir -p "$data/applications" "$data/metainfo"
desktop=$data/applications/upwardprep.desktop
sed -e "s|^Exec=.*|Exec=\"$program\"|" -e "s|^TryExec=.*|TryExec=$program|" \
    "$here/upwardprep.desktop" >"$desktop.tmp"
mv "$desktop.tmp" "$desktop"
cp "$here/$app_id.metainfo.xml" "$data/metainfo/"
for icon in "$here"/icons/hicolor/*/apps/upwardprep.*; do
    size_dir=$(basename "$(dirname "$(dirname "$icon")")")
    mkdir -p "$data/icons/hicolor/$size_dir/apps"
    cp "$icon" "$data/icons/hicolor/$size_dir/apps/"
done
if command -v desktop-file-validate >/dev/null 2>&1; then
    desktop-file-validate "$desktop"
fi
refresh_caches
echo "UpwardPrep is in the applications menu; it starts $program."
