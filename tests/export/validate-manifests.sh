#!/bin/sh
# validate-manifests.sh: exports the test course as SCORM 1.2 and SCORM 2004
# packages (one per module and one for the whole course) and validates every
# manifest with xmllint against the official schemas in ../shared/spec.
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: validate-manifests.sh HELDER_CLI COURSE_DIR SPEC_DIR
set -eu

cli=$1
course=$2
spec=$3

if [ ! -f "$spec/scorm12/_validate-manifest.xsd" ] || [ ! -f "$spec/scorm2004-4th/_validate-manifest.xsd" ]; then
  echo "SKIP: the SCORM schemas are not at $spec (expected ../shared/spec next to the source tree)"
  exit 77
fi
for tool in xmllint unzip; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for format in scorm12 scorm2004; do
  case $format in
    scorm12) schema=$spec/scorm12/_validate-manifest.xsd ;;
    scorm2004) schema=$spec/scorm2004-4th/_validate-manifest.xsd ;;
  esac
  "$cli" export "$course" --format "$format" -o "$work/$format-modules"
  "$cli" export "$course" --format "$format" --course -o "$work/$format-course.zip"
  for zip in "$work/$format-modules"/*.zip "$work/$format-course.zip"; do
    dir=$zip.d
    mkdir "$dir"
    unzip -q "$zip" -d "$dir"
    # (The official 1.2 ims_xml.xsd always prints a namespace warning.)
    if ! report=$(xmllint --noout --nonet --schema "$schema" "$dir/imsmanifest.xml" 2>&1); then
      echo "$report"
      echo "FAIL: the manifest of $zip does not validate"
      exit 1
    fi
    # metadata.xml is well-formed; every schema the manifest names is in the package.
    xmllint --noout --nonet "$dir/metadata.xml"
    for xsd in $(sed -n 's/.*xsi:schemaLocation="\([^"]*\)".*/\1/p' "$dir/imsmanifest.xml" | tr ' ' '\n' | grep '\.xsd$'); do
      [ -f "$dir/$xsd" ] || { echo "FAIL: $xsd named in the manifest of $zip is missing"; exit 1; }
    done
    echo "ok - $(basename "$zip") ($format)"
  done
done
