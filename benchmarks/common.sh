# Sourced by the comparison scripts: builds benchmarks/target/benchmarks.jar, reads the launcher's JVM options and
# gives a filter for the JVM's notice of the Vector API module, a scratch folder removed on exit, and the machine's
# load. Expects $root, the repository's root.
echo "building benchmarks/target/benchmarks.jar ..." >&2
mvn -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests >&2
jar="$root/benchmarks/target/benchmarks.jar"
# reconlab runs with the JVM options of its launcher (./reconlab): the Vector API module, the throughput collector
# and, where the kernel offers them on request, transparent huge pages.
LAUNCHER_OPTS="$("$root/reconlab" --print-jvm-options)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The JVM announces the Vector API module on stderr at every start; the launcher's option is on purpose.
without_incubator_notice() { grep -v -x "WARNING: Using incubator modules: jdk.incubator.vector" >&2 || true; }

load_average() { cut -d' ' -f1-3 /proc/loadavg; }
