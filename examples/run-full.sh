#!/usr/bin/env bash
# Runs the examples at the scale of their papers: the gallery of docs/gallery.md.
#
# usage: examples/run-full.sh [--slurm] [--out DIR] [--threads N] [--gallery] [SPEC...]
#   SPEC...     the examples to run (default: every examples/**/*.yaml)
#   --out DIR   where the runs go, one directory per example (default: runs/full)
#   --threads N trial threads of each run on one machine; CPUs of each array task with --slurm
#   --gallery   after the runs, copy each example's main figure (named in docs/gallery/figures.tsv) to
#               docs/gallery/<example>.png
#   --slurm     write and submit one Slurm job array per example (`reconlab slurm`, then its submit.sh) instead of
#               running here; the merged runs land in the same directories. Extra sbatch directives: SBATCH="k=v k=v"
#
# On one machine the examples run one after the other, and DIR/wall-times.tsv records each one's wall time and exit
# code. A run that is interrupted resumes where it stopped when the script is started again (finished trials are
# kept), so the gallery can be rebuilt in pieces.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

out=runs/full
threads=""
slurm=0
gallery=0
specs=()
while (($#)); do
  case "$1" in
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    --threads) threads="${2:?--threads needs a number}"; shift 2 ;;
    --slurm) slurm=1; shift ;;
    --gallery) gallery=1; shift ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run-full: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) specs+=("$1"); shift ;;
  esac
done
if ((${#specs[@]} == 0)); then
  shopt -s globstar nullglob
  specs=(examples/**/*.yaml)
fi
mkdir -p "$out"

# runs/full/sensing-small-init-psd for examples/sensing/small-init-psd.yaml
run_name() { local name="${1#examples/}"; name="${name%.yaml}"; echo "${name//\//-}"; }

if ((slurm)); then
  sbatch_args=()
  for directive in ${SBATCH:-}; do sbatch_args+=(--sbatch "$directive"); done
  for spec in "${specs[@]}"; do
    dir="$out/$(run_name "$spec")"
    ./reconlab slurm "$spec" --out "$dir" ${threads:+--threads "$threads"} ${sbatch_args[@]+"${sbatch_args[@]}"}
    "$dir/slurm/submit.sh"
  done
  echo "run-full: submitted ${#specs[@]} job arrays; each merges into its directory under $out when it finishes"
  exit 0
fi

times="$out/wall-times.tsv"
[[ -f "$times" ]] || printf 'example\tseconds\texit\n' > "$times"
failed=0
for spec in "${specs[@]}"; do
  name="$(run_name "$spec")"
  echo "== $spec (full scale) -> $out/$name"
  start=$SECONDS
  status=0
  ./reconlab run "$spec" --out "$out/$name" ${threads:+--threads "$threads"} || status=$?
  printf '%s\t%d\t%d\n' "$name" "$((SECONDS - start))" "$status" >> "$times"
  ((status == 0)) || failed=$((failed + 1))
done

if ((gallery)); then
  while IFS=$'\t' read -r name figure; do
    [[ -z "$name" || "$name" == \#* ]] && continue
    source="$out/$name/plots/$figure"
    if [[ -f "$source" ]]; then
      cp "$source" "docs/gallery/$name.png"
    elif [[ -d "$out/$name" ]]; then
      echo "run-full: $source is missing (docs/gallery/figures.tsv names it)" >&2
      failed=$((failed + 1))
    fi
  done < docs/gallery/figures.tsv
fi

echo "run-full: ${#specs[@]} examples, $failed failed; wall times in $times"
((failed == 0))
