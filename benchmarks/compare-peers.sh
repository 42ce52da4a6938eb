#!/usr/bin/env bash
# reconlab's solvers against the tool a researcher would otherwise use, on the same instance, in one run.
#
# For each case PROBLEM:SIZE:PEERS, peer_reference.py writes one instance as .npy files; then, for ROUNDS rounds,
# reconlab (ComparePeers: WARMUP_SECONDS of untimed solves, then REPEATS timed ones) and each peer (one untimed
# solve, then REPEATS timed ones, problem construction included as a script pays it) solve it from scratch, taking
# turns. Printed per case: the median over rounds of each side's median solve time, the accuracy each reached
# (relative error against the truth), and the ratio peer time / reconlab time.
#
# Environment:
#   CASES       default "nuclear-norm:40:2:240:clarabel,scs nuclear-norm:40:2:400:clarabel,scs
#               basis-pursuit:100:400:10:highs double-sketch:1000:10:30:numpy"
#   ROUNDS (3), REPEATS (5), WARMUP_SECONDS (3), TOLERANCE (1e-9: reconlab's nuclear-norm tolerance)
#   PYTHON      a python3 with numpy, scipy and cvxpy (default: python3; e.g. a venv's
#               `python3 -m venv v && v/bin/pip install cvxpy`)
#   JAVA_OPTS   (-Xmx4g)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
CASES=${CASES:-"nuclear-norm:40:2:240:clarabel,scs nuclear-norm:40:2:400:clarabel,scs basis-pursuit:100:400:10:highs double-sketch:1000:10:30:numpy"}
ROUNDS=${ROUNDS:-3}
REPEATS=${REPEATS:-5}
WARMUP_SECONDS=${WARMUP_SECONDS:-3}
TOLERANCE=${TOLERANCE:-1e-9}
PYTHON=${PYTHON:-python3}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx4g"}

# shellcheck source=benchmarks/common.sh
source "$root/benchmarks/common.sh"
peer() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$PYTHON" "$root/benchmarks/peer_reference.py" "$@"; }

echo "load average before: $(load_average) on $(nproc) cores" >&2
printf '\n%-34s %-9s %12s %12s %10s\n' "case" "solver" "ms (median)" "rel. error" "vs reconlab"
for case in $CASES; do
  IFS=: read -r problem a b c peers <<< "$case"
  dir="$work/$problem-$a-$b-$c"
  peer make "$problem" "$dir" "$a:$b:$c" 2024
  log="$dir/log"
  : > "$log"
  for ((round = 1; round <= ROUNDS; round++)); do
    # shellcheck disable=SC2086
    java $JAVA_OPTS $LAUNCHER_OPTS -cp "$jar" org.reconlab.benchmarks.ComparePeers "$problem" "$dir" \
      "$WARMUP_SECONDS" "$REPEATS" "$TOLERANCE" 2> >(without_incubator_notice) >> "$log"
    for p in ${peers//,/ }; do
      peer run "$problem" "$dir" "$p" "$REPEATS" >> "$log"
    done
  done
  peer check "$problem" "$dir" reconlab ${peers//,/ } >> "$log"
  "$PYTHON" - "$log" "$problem $a:$b:$c" "reconlab ${peers//,/ }" <<'PY'
import statistics
import sys
path, label, solvers = sys.argv[1], sys.argv[2], sys.argv[3].split()
values = {}
for line in open(path):
    key, _, value = line.strip().partition("=")
    values.setdefault(key, []).append(float(value))
median = {s: statistics.median(values[s + ".ms_median"]) for s in solvers}
for s in solvers:
    ratio = "" if s == "reconlab" else f"{median[s] / median['reconlab']:9.2f}x"
    print(f"{label:<34} {s:<9} {median[s]:12.2f} {values[s + '.relative_error'][0]:12.1e} {ratio:>10}")
PY
done
echo "load average after: $(load_average)" >&2
