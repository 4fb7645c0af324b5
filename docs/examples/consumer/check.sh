#!/usr/bin/env bash
# The library as a consumer gets it (README, "Getting the jars"), checked from the outside. With npm and node off
# the PATH:
#  1. installs domain, adapters-stripe-http and adapters-graphql into a temporary local repository, the README's
#     install command; the shared ~/.m2 is only read (Maven 3.9's maven.repo.local.tail), never written;
#  2. checks what was installed: POMs without parent or dependencyManagement, sources and javadoc jars, each jar's
#     Automatic-Module-Name, no internal package in the Stripe adapter's javadoc;
#  3. resolves the domain alone in this consumer project and asserts that Maven opens no POM for it but the
#     domain's own (strace: no parent, no BOM);
#  4. resolves the adapters and asserts that every runtime artifact has exactly the version the build tested with;
#  5. compiles the README's examples (src/main/java) against the installed jars and runs the demo one, also with
#     the domain jar alone on its class path, and the adapter one against its local stand-in for Stripe.
# Ends with "consumer: N passed, M failed" and exits non-zero when one failed. Run by .ci/run after ./mvnw -B verify;
# works on its own too (it compiles what it installs).
set -euo pipefail

root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/balancegraph-consumer.XXXXXX")"
[ -n "${KEEP_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
head="$work/m2"
tail="$HOME/.m2/repository"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -1)"
dependency_plugin=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
modules=(domain adapters-stripe-http adapters-graphql)
passed=0
failed=0

pass() { passed=$((passed + 1)); echo "ok: $1 (${SECONDS} s)"; }
fail() { failed=$((failed + 1)); echo "FAILED: $1"; }
# check NAME COMMAND...: runs the command quietly and counts the outcome.
check() {
  local name="$1"
  shift
  if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name"; fi
}
# mvn DIR ARGS...: the wrapper's Maven in DIR, with the temporary repository in front of the shared one.
mvn() {
  local dir="$1"
  shift
  (cd "$dir" && "$root/mvnw" -B -ntp -Dmaven.repo.local="$head" -Dmaven.repo.local.tail="$tail" "$@")
}
# The PATH with every directory that holds npm or node replaced by a copy (of symbolic links) without them.
path_without_npm() {
  local result="" dir shadow index=0
  IFS=: read -ra dirs <<<"$PATH"
  for dir in "${dirs[@]}"; do
    if [ -e "$dir/npm" ] || [ -e "$dir/node" ] || [ -e "$dir/npx" ]; then
      index=$((index + 1))
      shadow="$work/path/$index"
      mkdir -p "$shadow"
      ln -s "$dir"/* "$shadow/"
      rm -f "$shadow/npm" "$shadow/npx" "$shadow/node" "$shadow/nodejs" "$shadow/corepack"
      dir="$shadow"
    fi
    result="${result:+$result:}$dir"
  done
  echo "$result"
}
# runtime_artifacts FILE: group:artifact:type[:classifier]:version of each line of a dependency:list output file,
# the library's own modules left out.
runtime_artifacts() {
  sed -n 's/^ *\([^ :]*:[^ ]*\):[a-z]*\( --.*\)\{0,1\}$/\1/p' "$1" | grep -v '^io\.balancegraph:' | sort -u
}
# poms_opened DIR ARGS...: the repository POMs (relative paths) Maven opens for dependency:list of the project in DIR.
poms_opened() {
  local dir="$1"
  shift
  strace -f -qq --seccomp-bpf -e trace=openat -o "$work/trace-${dir##*/}" "$root/mvnw" -B -ntp -o -q -f "$dir/pom.xml" \
    -Dmaven.repo.local="$head" -Dmaven.repo.local.tail="$tail" "$@" "$dependency_plugin:list" >/dev/null
  grep -v ' = -1 ' "$work/trace-${dir##*/}" | grep -o '"[^"]*\.pom"' | tr -d '"' \
    | sed -n -e "s|^$head/||p" -e "s|^$tail/||p" | sort -u
}

# Plugins this check uses that ./mvnw -B verify does not (install, dependency:list) into the shared repository, as
# any build would fetch them, so that everything below runs offline.
if [ ! -d "$tail/org/apache/maven/plugins/maven-install-plugin/3.1.4" ] || [ ! -d "$tail/org/apache/maven/plugins/maven-dependency-plugin/3.8.1" ]; then
  (cd "$root" && ./mvnw -B -ntp -q -N org.apache.maven.plugins:maven-install-plugin:3.1.4:help "$dependency_plugin:help" >/dev/null)
fi
command -v strace >/dev/null || { apt-get update -qq && apt-get install -y -qq strace >/dev/null; }

PATH="$(path_without_npm)"
export PATH
check "npm and node are off the PATH" bash -c '! command -v npm && ! command -v node'

# 1. The README's install command, offline, and the runtime class path each module was tested with.
if mvn "$root" -o -Dmaven.test.skip=true -pl domain,adapters-stripe-http,adapters-graphql install \
  "$dependency_plugin:list" -DincludeScope=runtime \
  -DoutputFile=target/tested-runtime.txt >"$work/install.log" 2>&1; then
  pass "the library modules install with npm off the PATH"
else
  fail "the library modules install with npm off the PATH"
  tail -40 "$work/install.log"
  echo "consumer: $passed passed, $failed failed"
  exit 1
fi

# 2. What was installed.
pom_lacks() { ! grep -q "<$2>" "$1"; }
jar_has() { jar tf "$1" | grep "$2" >/dev/null; }
jar_lacks() { ! jar tf "$1" | grep "$2" >/dev/null; }
module_name_is() { jar --describe-module --file "$1" | grep -x "$2@$version automatic" >/dev/null; }
for module in "${modules[@]}"; do
  artifact="$head/io/balancegraph/$module/$version/$module-$version"
  case "$module" in
    domain) name=io.balancegraph.domain ;;
    adapters-stripe-http) name=io.balancegraph.stripe ;;
    adapters-graphql) name=io.balancegraph.graphql ;;
  esac
  check "$module: its POM has no parent" pom_lacks "$artifact.pom" parent
  check "$module: its POM has no dependencyManagement (imports no BOM)" pom_lacks "$artifact.pom" dependencyManagement
  check "$module: a sources jar with its sources" jar_has "$artifact-sources.jar" '^io/balancegraph/.*\.java$'
  check "$module: a javadoc jar" jar_has "$artifact-javadoc.jar" '^index.html$'
  check "$module: the JPMS name $name" module_name_is "$artifact.jar" "$name"
done
stripe_javadoc="$head/io/balancegraph/adapters-stripe-http/$version/adapters-stripe-http-$version-javadoc.jar"
check "adapters-stripe-http: its javadoc has the public API" jar_has "$stripe_javadoc" 'io/balancegraph/stripe/StripeLedgers.html'
check "adapters-stripe-http: its javadoc has no internal package" jar_lacks "$stripe_javadoc" 'io/balancegraph/stripe/internal'

# 3. The domain alone: Maven opens its POM and nothing else (compared with a project without dependencies). Traced
#    while step 4 runs, since both only read the repositories.
mkdir -p "$work/bare"
cat >"$work/bare/pom.xml" <<'EOF'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>bare</artifactId>
  <version>1</version>
</project>
EOF
cp -r "$root/docs/examples/consumer" "$work/consumer"
poms_opened "$work/bare" >"$work/bare-poms.txt" &
bare_run=$!
poms_opened "$work/consumer" -DdomainOnly -Dbalancegraph.version="$version" >"$work/domain-poms.txt" &
domain_run=$!

# 4 and 5. The adapters and the examples.
if mvn "$work/consumer" -o -Dbalancegraph.version="$version" compile \
  "$dependency_plugin:list" -DincludeScope=runtime -DoutputFile="$work/consumer-runtime.txt" \
  "$dependency_plugin:build-classpath" -Dmdep.outputFile="$work/classpath.txt" >"$work/consumer.log" 2>&1; then
  pass "the README's examples compile against the installed jars"
else
  fail "the README's examples compile against the installed jars"
  tail -40 "$work/consumer.log"
fi
touch "$work/consumer-runtime.txt" "$work/classpath.txt"
cat "$root/adapters-stripe-http/target/tested-runtime.txt" "$root/adapters-graphql/target/tested-runtime.txt" >"$work/tested.txt"
runtime_artifacts "$work/tested.txt" >"$work/tested-artifacts.txt"
runtime_artifacts "$work/consumer-runtime.txt" >"$work/consumer-artifacts.txt"
micronaut_core() { grep '^io.micronaut:micronaut-core:jar:' "$1" || true; }
same_micronaut_core() { [ -n "$(micronaut_core "$work/tested-artifacts.txt")" ] \
  && [ "$(micronaut_core "$work/tested-artifacts.txt")" = "$(micronaut_core "$work/consumer-artifacts.txt")" ]; }
echo "runtime artifacts: $(wc -l <"$work/tested-artifacts.txt") tested, $(wc -l <"$work/consumer-artifacts.txt") in the consumer;" \
  "micronaut-core tested: $(micronaut_core "$work/tested-artifacts.txt"), consumer: $(micronaut_core "$work/consumer-artifacts.txt")"
check "the consumer's micronaut-core is the one the adapter was tested with" same_micronaut_core
if [ -s "$work/tested-artifacts.txt" ] && diff "$work/tested-artifacts.txt" "$work/consumer-artifacts.txt" >"$work/versions.diff"; then
  pass "the consumer resolves every runtime artifact at the version the build tested with"
else
  fail "the consumer resolves every runtime artifact at the version the build tested with"
  sed 's/^/  /' "$work/versions.diff"
fi
prints_balance() { java -cp "$work/consumer/target/classes:$1" PaidOut | grep -x "available: USD 30002075.03" >/dev/null; }
check "the demo example runs and prints the README's balance" prints_balance "$(cat "$work/classpath.txt")"
check "the demo example runs with the domain jar alone on its class path" \
  prints_balance "$head/io/balancegraph/domain/$version/domain-$version.jar"
reads_local_stripe() { java -cp "$work/consumer/target/classes:$1" LocalStripe | grep -x "available: USD 1234.56" >/dev/null; }
check "the adapter example reads its local stand-in for Stripe with the installed jars" \
  reads_local_stripe "$(cat "$work/classpath.txt")"

# 3, its outcome.
if wait "$bare_run" && wait "$domain_run"; then
  comm -13 "$work/bare-poms.txt" "$work/domain-poms.txt" >"$work/domain-only-poms.txt"
  echo "POMs Maven opens to resolve io.balancegraph:domain:"
  sed 's/^/  /' "$work/domain-only-poms.txt"
  check "resolving the domain opens its own POM and no other (no parent, no BOM)" \
    test "$(cat "$work/domain-only-poms.txt")" = "io/balancegraph/domain/$version/domain-$version.pom"
else
  fail "resolving the domain opens its own POM and no other (no parent, no BOM): the traced Maven runs failed"
fi

echo "consumer check took ${SECONDS} s"
echo "consumer: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
