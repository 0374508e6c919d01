#!/usr/bin/env bash
# Installs a built noticewatch with its man page, shell completions and the figures.json schema (`make install`).
#
#   Scripts/install.sh BINARY PREFIX [CONFIGURATION]
#
# BINARY is the built executable (.build/release/noticewatch), PREFIX the installation root (/usr/local);
# DESTDIR (environment) is prepended to every installed path, for packaging. The man page is generated from the
# command definitions by swift-argument-parser's generate-manual plugin, built in CONFIGURATION (release by
# default, the binary's own); when the plugin cannot run, a page is made from `--help` instead. Its date is the
# last commit's (SOURCE_DATE_EPOCH when set), so that two installs of one commit give the same page.
# Installs:
#   PREFIX/bin/noticewatch
#   PREFIX/share/man/man1/noticewatch.1
#   PREFIX/share/bash-completion/completions/noticewatch
#   PREFIX/share/zsh/site-functions/_noticewatch
#   PREFIX/share/fish/vendor_completions.d/noticewatch.fish
#   PREFIX/share/noticewatch/figures.schema.json
set -euo pipefail

cd "$(dirname "$0")/.."

BINARY="${1:?usage: Scripts/install.sh BINARY PREFIX [CONFIGURATION]}"
PREFIX="${2:?usage: Scripts/install.sh BINARY PREFIX [CONFIGURATION]}"
CONFIGURATION="${3:-release}"
SWIFT="${SWIFT:-swift}"
ROOT="${DESTDIR:-}${PREFIX}"

[ -x "$BINARY" ] || { echo "install: $BINARY is not a built executable; run 'make build' first" >&2; exit 1; }

if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
    DAY="$(date -u -d "@$SOURCE_DATE_EPOCH" +%F)"
else
    DAY="$(git log -1 --format=%cs 2>/dev/null || date -u +%F)"
fi

MAN="$(mktemp -d "${TMPDIR:-/tmp}/noticewatch-man-XXXXXX")"
trap 'rm -rf "$MAN"' EXIT

if ! "$SWIFT" package --disable-sandbox plugin generate-manual --configuration "$CONFIGURATION" \
    --output-directory "$MAN" --date "$DAY" >"$MAN/plugin.log" 2>&1 || [ ! -s "$MAN/noticewatch.1" ]; then
    echo "install: the generate-manual plugin did not run (see below); the man page is made from --help" >&2
    tail -5 "$MAN/plugin.log" >&2 || true
    {
        echo ".TH NOTICEWATCH 1 \"$DAY\" \"noticewatch $("$BINARY" --version)\" \"User Commands\""
        echo ".SH NAME"
        echo "noticewatch \\- turn Interpol notice and CCF complaint files into publishable, reproducible figures"
        for command in "" inspect init run generate; do
            echo ".SH ${command:+${command^^} }USAGE"
            echo ".nf"
            # shellcheck disable=SC2086
            "$BINARY" $command --help | sed -e 's/\\/\\\\/g' -e 's/^\./\\\&./'
            echo ".fi"
        done
    } >"$MAN/noticewatch.1"
fi

install -d "$ROOT/bin" "$ROOT/share/man/man1" "$ROOT/share/bash-completion/completions" \
    "$ROOT/share/zsh/site-functions" "$ROOT/share/fish/vendor_completions.d" "$ROOT/share/noticewatch"
install -m 0755 "$BINARY" "$ROOT/bin/noticewatch"
install -m 0644 "$MAN/noticewatch.1" "$ROOT/share/man/man1/noticewatch.1"
"$BINARY" --generate-completion-script bash >"$MAN/noticewatch.bash"
"$BINARY" --generate-completion-script zsh >"$MAN/_noticewatch"
"$BINARY" --generate-completion-script fish >"$MAN/noticewatch.fish"
install -m 0644 "$MAN/noticewatch.bash" "$ROOT/share/bash-completion/completions/noticewatch"
install -m 0644 "$MAN/_noticewatch" "$ROOT/share/zsh/site-functions/_noticewatch"
install -m 0644 "$MAN/noticewatch.fish" "$ROOT/share/fish/vendor_completions.d/noticewatch.fish"
install -m 0644 Sources/NoticeWatchReport/figures.schema.json "$ROOT/share/noticewatch/figures.schema.json"
echo "Installed $ROOT/bin/noticewatch, its man page (man noticewatch) and bash, zsh and fish completions"
