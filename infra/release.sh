#!/usr/bin/env bash
# Prints the Release id of a deployment: a hash of the Lambda packages the template names (its CodeUri paths),
# the template itself and the parameter values given (KEY=VALUE ...). The template hands it to every function as
# AutoPublishCodeSha256, so SAM publishes new versions behind the alias `live` exactly when one of these changed.
# Usage (docs/deploy.md): infra/release.sh infra/template.yaml Stage=prod Towns=gaocheng ...
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: infra/release.sh infra/template.yaml KEY=VALUE ..." >&2; exit 2; }
template=$1
shift
dir=$(cd "$(dirname "$template")" && pwd)
mapfile -t uris < <(sed -n -E 's/^[[:space:]]*CodeUri:[[:space:]]*([^[:space:]#]+).*/\1/p' "$template" | LC_ALL=C sort -u)
[ ${#uris[@]} -gt 0 ] || { echo "release.sh: no CodeUri in $template" >&2; exit 1; }
for uri in "${uris[@]}"; do
  [ -f "$dir/$uri" ] || { echo "release.sh: $dir/$uri is missing; build the packages first (mvn -B -DskipTests package)" >&2; exit 1; }
done
{
  for uri in "${uris[@]}"; do printf '%s ' "$uri"; sha256sum < "$dir/$uri"; done
  sha256sum < "$template"
  printf '%s\n' "$@" | LC_ALL=C sort
} | sha256sum | cut -c1-16
