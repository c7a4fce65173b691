#!/usr/bin/env bash
# Contract-drift check: the build breaks where it must when the contract changes, and only then.
#
# On copies of the source tree (the work tree is never touched), each generating from a changed copy
# of openapi/rialto-manager-api.yaml given through -Drialto.contract:
#   1. unchanged contract: api-stubs, api-client and service-impl compile, and the generated sources
#      are byte-identical to those of a second build (no timestamps);
#   2. breaking changes (property 'keys' renamed 'documentKeys'; a new required header parameter):
#      compiling service-impl fails, and the error names DocumentsResource, the place to change;
#   3. an additive change (a new optional property in the 201 answer): service-impl still compiles.
# The four builds run side by side, each in its own copy.
#
# Needs only bash, Java and Maven. Runs offline (-o) by default, so run `mvn -B -ntp verify` once
# first (CI does); set CONTRACT_DRIFT_MVN_FLAGS= to let Maven download.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
mvn_flags=${CONTRACT_DRIFT_MVN_FLAGS--o}
work="$(mktemp -d "${TMPDIR:-/tmp}/contract-drift.XXXXXX")"
trap 'rm -rf "$work"' EXIT
start=$SECONDS
original="$root/openapi/rialto-manager-api.yaml"
mkdir -p "$work/contracts"

fail() { echo "contract-drift: FAIL: $*" >&2; exit 1; }

# copy DIR: the sources only, so that the copy builds from scratch.
copy() {
  mkdir -p "$1"
  tar -C "$root" --exclude=./.git --exclude='*/target' --exclude=./target --exclude=./rialto-data -cf - . \
    | tar -C "$1/" -xf -
}

# change NAME SED-PROGRAM EXPECTED-TEXT: a copy of the contract with one edit, checked to have taken.
change() {
  local name=$1 program=$2 expected=$3
  sed -e "$program" "$original" >"$work/contracts/$name.yaml"
  grep -q -- "$expected" "$work/contracts/$name.yaml" || fail "the $name edit did not apply to the contract"
  if cmp -s "$original" "$work/contracts/$name.yaml"; then fail "the $name edit changed nothing"; fi
}

# start NAME MODULES: compiles a copy of the tree against contracts/NAME.yaml, in the background.
pids=()
start() {
  local name=$1 modules=$2
  copy "$work/$name"
  # shellcheck disable=SC2086
  (set +e; cd "$work/$name" && mvn -B $mvn_flags -q -pl "$modules" -am compile \
      -Drialto.contract="$work/contracts/$name.yaml" >"$work/$name.log" 2>&1; echo $? >"$work/$name.rc") &
  pids+=($!)
}
rc() { [ -s "$work/$1.rc" ] || fail "the $1 build left no exit status"; cat "$work/$1.rc"; }

cp "$original" "$work/contracts/unchanged.yaml"
change renamed-property 's/^              keys:$/              documentKeys:/' '^              documentKeys:$'
change required-header '/^      parameters:$/a\
        - name: X-Rialto-Tenant\
          in: header\
          required: true\
          description: A new required parameter.\
          schema:\
            type: string' 'name: X-Rialto-Tenant'
change optional-property '/description: The pre-signed URL for downloading the document\.$/{n;a\
                        expiresAt:\
                          description: When the pre-signed URL stops working (a new, optional property).\
                          type: string
}' '^                        expiresAt:$'

start unchanged api-stubs,api-client,service-impl
start renamed-property api-stubs,service-impl
start required-header api-stubs,service-impl
start optional-property api-stubs,service-impl
wait "${pids[@]}"
echo "contract-drift: four builds in $((SECONDS - start)) s"

# 1. Unchanged: builds, and its generated sources are those of a second build: the work tree's own
#    (mvn verify, just before in CI) when it has one of this contract, else a fresh generation.
status=$(rc unchanged); [ "$status" = 0 ] || { cat "$work/unchanged.log"; fail "the unchanged contract does not build"; }
if [ -d "$root/api-stubs/target/generated-sources/openapi" ] && [ -d "$root/api-client/target/generated-sources/openapi" ] \
   && cmp -s "$original" "$root/openapi/target/classes/openapi/rialto-manager-api.yaml"; then
  other=$root
else
  other=$work/again
  copy "$other"
  # shellcheck disable=SC2086
  (cd "$other" && mvn -B $mvn_flags -q -pl api-stubs,api-client generate-sources) >"$work/again.log" 2>&1 \
    || { cat "$work/again.log"; fail "regenerating failed"; }
fi
for module in api-stubs api-client; do
  generated="$work/unchanged/$module/target/generated-sources/openapi"
  [ -n "$(ls -A "$generated" 2>/dev/null)" ] || fail "$module generated nothing"
  # .openapi-generator/ is the generator's bookkeeping and names the input file; the sources may not differ.
  diff -r --exclude=.openapi-generator "$other/$module/target/generated-sources/openapi" "$generated" >"$work/diff.log" \
    || { cat "$work/diff.log"; fail "generated sources of $module differ between two builds"; }
done
echo "contract-drift: ok: the unchanged contract builds; generated sources are identical across two builds"

# 2. Breaking changes: service-impl must fail to compile, at DocumentsResource.
expect_break() {
  local name=$1 what=$2
  local status; status=$(rc "$name")
  [ "$status" != 0 ] || fail "$what still compiles: the implementation would drift from the contract unnoticed"
  grep -q -E '^\[ERROR\].*DocumentsResource\.java' "$work/$name.log" \
    || { cat "$work/$name.log"; fail "$what broke the build, but not with an error naming DocumentsResource"; }
  echo "contract-drift: ok: $what fails compilation where it must; the team sees:"
  # The first error as javac reports it, with the lines that follow it (the symbol it misses).
  awk -v tree="$work/$name/" '
    found && /^\[/ { exit }
    /^\[ERROR\].*DocumentsResource\.java/ { found = 1 }
    found { sub(/^\[ERROR\] */, ""); sub(tree, ""); print "    " $0 }' "$work/$name.log"
}
expect_break renamed-property "renaming request property 'keys' to 'documentKeys'"
expect_break required-header "a new required header parameter"

# 3. Additive: a new optional response property still builds.
status=$(rc optional-property); [ "$status" = 0 ] \
  || { cat "$work/optional-property.log"; fail "a new optional response property broke the build; additive changes must not"; }
echo "contract-drift: ok: a new optional response property still builds"

echo "contract-drift: passed in $((SECONDS - start)) s"
