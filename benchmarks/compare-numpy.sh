#!/usr/bin/env bash
# reconlab against the NumPy script a researcher would write, on the same instance, in one run.
#
# For each size (d, r, m) NumPy writes one instance as .npy files (A: m x d^2, y, U0: d x d); NumPy then times its
# gradient step (A @ x, A.T @ r), reconlab reads the same files and times its own (the objective an experiment uses,
# with the operator packed because the problem and the model are symmetric), and both final iterates are compared.
# Printed per size: per-iteration times, their ratio, the one-pass memory floor of reconlab's operator (bytes read /
# measured copy bandwidth, STREAM convention: the best of 10 copies, bytes read + written per second) and reconlab's
# ratio to it. Each side runs ROUNDS times, alternating; each round gives a median step time and a copy bandwidth, and
# the summary takes the median over the rounds of each (the machine's memory bandwidth is shared with other machines
# and moves by a factor of two between minutes; a median of rounds, unlike the best or the worst one, does not drift
# with the number of rounds). The ranges over the rounds are printed too. Before its timed steps, each side runs
# untimed steps from U0 for WARMUP_SECONDS and throws them away, then times ITERATIONS steps from U0 again, so both end
# at the same iterate. The warm-up is counted in seconds, not steps: reconlab's kernels are compiled by the JIT in the
# first second, and on this VM a pass over freshly written memory also takes up to twice as long for the first
# second or so (a d=100 step: 7-10 ms in the first 100 steps of some runs, 3.5-4.5 ms from then on; a C read loop
# shows the same ramp), which 50 warm-up steps at d=100 did not cover.
#
# Environment: SIZES (default "100:5:2500 200:5:5000", d:r:m), WARMUP_SECONDS (2), ITERATIONS (30), ROUNDS (5),
# ETA (0.0025), JAVA_OPTS (-Xmx10g). Needs python3 with numpy, and about 3 x 1.6 GB of memory at d = 200.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
SIZES=${SIZES:-"100:5:2500 200:5:5000"}
WARMUP_SECONDS=${WARMUP_SECONDS:-2}
ITERATIONS=${ITERATIONS:-30}
ROUNDS=${ROUNDS:-5}
ETA=${ETA:-0.0025}
JAVA_OPTS=${JAVA_OPTS:-"-Xmx10g"}

# shellcheck source=benchmarks/common.sh
source "$root/benchmarks/common.sh"

# Older OpenBLAS builds need OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE on some processors; a current NumPy is slowed by
# them, so the reference runs without them (its output names the kernel OpenBLAS picked).
numpy() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$root/benchmarks/numpy_reference.py" "$@"; }
value() { grep "^$1=" "$2" | tail -1 | cut -d= -f2; }
best() { grep "^$1=" "$2" | cut -d= -f2 | sort -g | head -1; }

echo "load average before: $(load_average) on $(nproc) cores" >&2
printf '\n%-16s %12s %12s %8s %12s %12s %8s %10s\n' "instance" "numpy ms" "reconlab ms" "speedup" "floor ms" \
  "copy GB/s" "vs floor" "agreement"
for size in $SIZES; do
  IFS=: read -r d r m <<< "$size"
  dir="$work/d$d"
  numpy make "$dir" "$d" "$r" "$m" 2018
  log="$dir/log"
  : > "$log"
  for ((round = 1; round <= ROUNDS; round++)); do
    numpy run "$dir" "$ETA" "$WARMUP_SECONDS" "$ITERATIONS" >> "$log"
    # shellcheck disable=SC2086
    java $JAVA_OPTS $LAUNCHER_OPTS -cp "$jar" org.reconlab.benchmarks.CompareNumpy "$dir" "$ETA" "$WARMUP_SECONDS" "$ITERATIONS" \
      2> >(without_incubator_notice) >> "$log"
  done
  numpy check "$dir" >> "$log"
  python3 - "$log" "$d" "$r" "$m" <<'PY'
import statistics
import sys
path, d, r, m = sys.argv[1:]
values = {}
for line in open(path):
    key, _, value = line.strip().partition("=")
    values.setdefault(key, []).append(value)
num = lambda key: [float(v) for v in values[key]]
numpy_ms = statistics.median(num("numpy.step_ms_median"))
reconlab_ms = statistics.median(num("reconlab.step_ms_median"))
copies = num("numpy.copy_bandwidth_bytes_per_s") + num("reconlab.copy_bandwidth_bytes_per_s")
bandwidth = statistics.median(copies)
floor_ms = 1e3 * float(values["reconlab.operator_bytes"][0]) / bandwidth
span = lambda xs, scale=1, digits=1: f"{min(xs) * scale:.{digits}f}-{max(xs) * scale:.{digits}f}"
print(f"{'d=%s r=%s m=%s' % (d, r, m):<16} {numpy_ms:12.2f} {reconlab_ms:12.2f} {numpy_ms / reconlab_ms:7.2f}x "
      f"{floor_ms:12.2f} {bandwidth / 1e9:12.1f} {reconlab_ms / floor_ms:7.2f}x "
      f"{float(values['check.relative_difference'][0]):10.1e}")
print(f"    numpy {values['numpy.version'][0]} on OpenBLAS {values['numpy.openblas_core'][0]} with "
      f"{values['numpy.openblas_threads'][0]} threads reads {float(values['numpy.operator_bytes'][0]) / 1e6:.0f} MB "
      f"twice per step; reconlab ({values['reconlab.kernel'][0]}) on {values['reconlab.threads'][0]} threads reads its"
      f" packed operator, {float(values['reconlab.operator_bytes'][0]) / 1e6:.0f} MB, once.")
print(f"    {len(values['numpy.step_ms_median'])} rounds: step medians numpy {span(num('numpy.step_ms_median'))} ms, "
      f"reconlab {span(num('reconlab.step_ms_median'))} ms; copy bandwidth {span(copies, 1e-9)} GB/s; untimed steps "
      f"numpy {span(num('numpy.warmup_steps'), 1, 0)}, reconlab {span(num('reconlab.warmup_steps'), 1, 0)}")
PY
done
echo "load average after: $(load_average)" >&2
