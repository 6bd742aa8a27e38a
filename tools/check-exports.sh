#!/usr/bin/env bash
# Opens DVK's generated files with outside tools, as a person's office software would:
#  - every workbook (*.xlsx) is converted to CSV by LibreOffice (headless); the script fails if a conversion
#    fails or gives an empty sheet, and prints the CSV of the first sheet;
#  - every PDF is rendered to PNG by poppler's pdftoppm (page 1, and the page count from pdfinfo).
# Files: the arguments, or by default target/exports/* (written by BenTre2024ReplayTests and
# BinhThuan2022ReplayTests: `mvn -B test -Dtest='BenTre2024ReplayTests,BinhThuan2022ReplayTests' -Dskip.pg=true`).
# Needs: libreoffice (apt-get install -y libreoffice-calc-nogui) and poppler-utils. Output: target/check-exports/.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/check-exports
mkdir -p "$out"
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  shopt -s nullglob
  files=(target/exports/*.xlsx target/exports/*.pdf)
fi
if [ ${#files[@]} -eq 0 ]; then
  echo "no files: run the replay tests first (see the head of this script)" >&2
  exit 1
fi
command -v libreoffice >/dev/null || { echo "libreoffice is missing: apt-get install -y libreoffice-calc-nogui" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm is missing: apt-get install -y poppler-utils" >&2; exit 1; }
failed=0
for f in "${files[@]}"; do
  name=$(basename "$f")
  case "$f" in
    *.xlsx)
      # a private LibreOffice profile, so that a running LibreOffice or a shared one does not interfere
      if libreoffice -env:UserInstallation=file://"$PWD/$out/lo-profile" --headless \
           --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76,1 --outdir "$out" "$f" >/dev/null 2>&1 \
         && [ -s "$out/${name%.xlsx}.csv" ]; then
        echo "OK   $name -> $out/${name%.xlsx}.csv ($(wc -l < "$out/${name%.xlsx}.csv") lines)"
        head -n 12 "$out/${name%.xlsx}.csv" | sed 's/^/       /'
      else
        echo "FAIL $name: LibreOffice could not convert it" >&2
        failed=1
      fi
      ;;
    *.pdf)
      if pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$f" "$out/${name%.pdf}-page1" 2>/dev/null \
         && [ -s "$out/${name%.pdf}-page1.png" ]; then
        pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
        echo "OK   $name -> $out/${name%.pdf}-page1.png (${pages:-?} pages)"
      else
        echo "FAIL $name: pdftoppm could not render it" >&2
        failed=1
      fi
      ;;
    *) echo "skip $name" ;;
  esac
done
exit $failed
