#!/bin/sh
# Builds the .deb from the build tree and checks what a user would get from it.
# usage: deb_contents.sh BUILD_DIR
set -e
build=$1
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is not installed"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
deb=$(ls "$out"/remedy_*.deb)
info=$(dpkg-deb -I "$deb")
contents=$(dpkg-deb -c "$deb")
fail=0
expect() { # WHAT PATTERN TEXT
    printf '%s\n' "$3" | grep -Eq "$2" || { echo "missing in $1: $2"; fail=1; }
}
expect info '^ Package: remedy$' "$info"
expect info '^ Version: [0-9]+\.[0-9]+\.[0-9]+$' "$info"
expect info '^ Architecture: [a-z0-9]+$' "$info"
for dep in libc6 libstdc\\+\\+6 libfmt9 libtomlplusplus3 libdate-tz3 tzdata; do
    expect info "^ Depends: .*\\b$dep\\b" "$info"
done
expect contents ' \./usr/bin/remedy$' "$contents"
expect contents ' \./usr/share/man/man1/remedy\.1\.gz$' "$contents"
expect contents ' \./usr/share/man/man5/remedy\.toml\.5\.gz$' "$contents"
expect contents ' \./usr/share/bash-completion/completions/remedy$' "$contents"
expect contents ' \./usr/share/zsh/vendor-completions/_remedy$' "$contents"
expect contents ' \./usr/share/fish/vendor_completions\.d/remedy\.fish$' "$contents"
expect contents ' \./usr/share/doc/remedy/changelog\.gz$' "$contents"
expect contents ' \./usr/share/doc/remedy/copyright$' "$contents"
dpkg-deb -x "$deb" "$out/root"
if readelf -S "$out/root/usr/bin/remedy" | grep -q '\.debug_info'; then
    echo "usr/bin/remedy is not stripped"
    fail=1
fi
# Debian's own checker finds no error and no warning (its notes about running as root aside).
if command -v lintian >/dev/null; then
    findings=$(lintian --allow-root "$deb" 2>&1 | grep -E '^[EW]: ' || true)
    if [ -n "$findings" ]; then
        echo "lintian:"
        echo "$findings"
        fail=1
    fi
else
    echo "lintian is not installed: the package was not checked by it"
fi
[ $fail = 0 ] || { printf '%s\n%s\n' "$info" "$contents"; exit 1; }
