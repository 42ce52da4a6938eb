"""Analysis of the deconvolution noise-scaling example (docs/science.md, section 6).

usage: python3 deconvolution_noise_scaling.py RUN_DIR[:LABEL]... [--figure OUT.png]

Reads each run's trials.csv. An instance is one (run, measurement.length, repetition): the same truth and operator
across noise levels and variants (reconlab's streams depend on the repetition, not on the sweep point). An instance
counts as exact when the convex error under random noise at the smallest noise level is below 1e-3 (an error linear
in the noise from there on); it is certified exact when, besides, the lower bound on tau_min is positive.

Per exact instance and variant it reports the linear constant c1 = error/||e|| at the smallest noise, the square-root
constant c2 = the largest error/sqrt(||e||) over the sweep, the crossover ||e||_x = (c2 / c1)^2 where the two
asymptotes c1 ||e|| and c2 sqrt(||e||) meet, and least-squares slopes of log error on log ||e|| below ||e||_x / 3 and
from ||e||_x up. Without matplotlib the figure is skipped.
"""
import csv
import math
import sys
from collections import defaultdict


def load(run, label):
    rows = list(csv.DictReader(open(f"{run}/trials.csv")))
    data = defaultdict(dict)  # (label, L, rep) -> {(variant, level): record}
    for r in rows:
        key = (label, int(r["measurement.length"]), int(r["repetition"]))
        level = float(r["measurement.noise-level"])
        rec = {k: (float(v) if v not in ("", None) else math.nan) for k, v in r.items()
               if k in ("relative-error", "error-per-noise", "error-per-root-noise",
                        "conic-singular-value-upper", "conic-singular-value-lower", "wall_seconds")}
        rec["status"] = r["status"]
        if rec["status"] == "done" and rec["error-per-noise"] > 0:
            rec["noise"] = rec["relative-error"] / rec["error-per-noise"]
        else:
            rec["noise"] = math.nan
        data[key][(r["variant"], level)] = rec
    return data


def slope(points):
    points = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(points) < 2:
        return math.nan
    mx = sum(p[0] for p in points) / len(points)
    my = sum(p[1] for p in points) / len(points)
    sxx = sum((p[0] - mx) ** 2 for p in points)
    return sum((p[0] - mx) * (p[1] - my) for p in points) / sxx


def analyse(records, variant):
    levels = sorted(level for (v, level) in records if v == variant)
    series = [records[(variant, level)] for level in levels]
    if len(series) < 2 or any(s["status"] != "done" for s in series):
        return None
    noise = [s["noise"] for s in series]
    error = [s["relative-error"] for s in series]
    c1 = series[0]["error-per-noise"]
    c2 = max(s["error-per-root-noise"] for s in series)
    crossover = (c2 / c1) ** 2
    below = slope([(e, x) for e, x in zip(noise, error) if e <= crossover / 3])
    above = slope([(e, x) for e, x in zip(noise, error) if e >= crossover])
    return dict(c1=c1, c2=c2, crossover=crossover, below=below, above=above, noise=noise, error=error)


def main(argv):
    figure = None
    runs = []
    i = 0
    while i < len(argv):
        if argv[i] == "--figure":
            figure = argv[i + 1]
            i += 2
            continue
        run, _, label = argv[i].partition(":")
        runs.append((run, label or run))
        i += 1
    instances = {}
    for run, label in runs:
        instances.update(load(run, label))
    table = []
    failed = []
    for key in sorted(instances):
        records = instances[key]
        any_record = next(iter(records.values()))
        upper = any_record["conic-singular-value-upper"]
        lower = any_record["conic-singular-value-lower"]
        smallest = min(level for (v, level) in records if v == "convex-random")
        exact = records[("convex-random", smallest)]["relative-error"] < 1e-3
        if not exact:
            failed.append((key, upper, lower, records[("convex-random", smallest)]["relative-error"]))
            continue
        row = dict(key=key, upper=upper, lower=lower, certified=lower > 0)
        for variant in ("convex-adversarial", "convex-random", "gradient-descent-random"):
            row[variant] = analyse(records, variant)
        table.append(row)

    print("instances (label, L, repetition): tau_min bracket, then per variant c1 = error/||e|| at the smallest noise,")
    print("c2 = max error/sqrt(||e||), crossover (c2/c1)^2 against tau^2, slopes below and above the crossover")
    for row in table:
        adv, rnd, gd = row["convex-adversarial"], row["convex-random"], row["gradient-descent-random"]
        line = (f"{row['key']}: tau in [{row['lower']:.3g}, {row['upper']:.3g}]"
                + (f", 2/tau_lower {2 / row['lower']:.3g}" if row["certified"] else ", not certified"))
        for name, a in (("adversarial", adv), ("random", rnd)):
            if a:
                line += (f"; {name} c1 {a['c1']:.3g} c2 {a['c2']:.3g} crossover {a['crossover']:.2g}"
                         f" (tau_up^2 {row['upper'] ** 2:.2g}) slopes {a['below']:.2f} / {a['above']:.2f}")
        line += f"; gd c1 {gd['c1']:.3g}" if gd else "; gd: none"
        print(line)
    print(f"exact: {len(table)}, of which certified (tau lower bound > 0): {sum(r['certified'] for r in table)}")
    bound = [r for r in table if r["certified"] and r["convex-adversarial"]]
    print(f"searched-noise c1 <= 2 / tau_lower on all {len(bound)} certified instances:",
          all(r["convex-adversarial"]["c1"] <= 2 / r["lower"] for r in bound))
    print(f"not exact (error at the smallest noise >= 1e-3): {len(failed)}")
    for key, upper, lower, err in failed:
        print(f"  {key}: tau in [{lower:.3g}, {upper:.3g}], error at the smallest noise {err:.3g}")

    def summary(name, values):
        values = [v for v in values if v == v]
        if not values:
            return f"{name}: none"
        values.sort()
        return (f"{name}: median {values[len(values) // 2]:.3g}, range {values[0]:.3g}-{values[-1]:.3g}"
                f" (n = {len(values)})")

    labels = sorted({row["key"][0] for row in table})
    for label in labels:
        rows = [r for r in table if r["key"][0] == label]
        print(f"== {label}")
        for variant in ("convex-adversarial", "convex-random", "gradient-descent-random"):
            ok = [r for r in rows if r[variant]]
            print(" ", variant, summary("c1", [r[variant]["c1"] for r in ok]), ";",
                  summary("c2", [r[variant]["c2"] for r in ok]), ";",
                  summary("c1 * tau_upper", [r[variant]["c1"] * r["upper"] for r in ok]), ";",
                  summary("slope below", [r[variant]["below"] for r in ok]), ";",
                  summary("slope above", [r[variant]["above"] for r in ok]), ";",
                  summary("crossover / tau_upper^2", [r[variant]["crossover"] / r["upper"] ** 2 for r in ok]))
        ok = [r for r in rows if r["convex-adversarial"] and r["convex-random"]]
        print("  adversarial c1 / random c1:", summary("ratio", [r["convex-adversarial"]["c1"] / r["convex-random"]["c1"] for r in ok]))
        xs = [math.log(r["upper"]) for r in ok]
        ys = [math.log(r["convex-adversarial"]["c1"]) for r in ok]
        if len(xs) > 2:
            print(f"  log c1 (adversarial) on log tau_upper: slope {slope(list(zip([math.exp(x) for x in xs], [math.exp(y) for y in ys]))):.2f}")
        by_length = defaultdict(list)
        for r in rows:
            by_length[r["key"][1]].append(r)
        for length in sorted(by_length):
            rs = by_length[length]
            print(f"  L = {length}: exact {len(rs)}, " + summary("tau_upper", [r["upper"] for r in rs]) + "; "
                  + summary("adversarial c1", [r["convex-adversarial"]["c1"] for r in rs if r["convex-adversarial"]]))

    if figure:
        try:
            import matplotlib
            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
        except ImportError:
            print("matplotlib missing: no figure")
            return
        fig, axes = plt.subplots(1, 3, figsize=(15, 4.6))
        cmap = plt.get_cmap("viridis")
        taus = [r["upper"] for r in table]
        lo, hi = math.log(min(taus)), math.log(max(taus))
        markers = {label: m for label, m in zip(labels, "os^D")}
        for r in table:
            colour = cmap((math.log(r["upper"]) - lo) / (hi - lo + 1e-12))
            for variant, style in (("convex-adversarial", "-"), ("convex-random", ":")):
                a = r[variant]
                if not a:
                    continue
                axes[0].loglog(a["noise"], [x / e for x, e in zip(a["error"], a["noise"])], style, color=colour, lw=1)
                axes[1].loglog(a["noise"], [x / math.sqrt(e) for x, e in zip(a["error"], a["noise"])], style,
                               color=colour, lw=1)
        axes[0].set_title("error / ||e|| (solid: searched noise, dotted: random)")
        axes[1].set_title("error / sqrt(||e||)")
        for ax in axes[:2]:
            ax.set_xlabel("||e||")
        for label in labels:
            rows = [r for r in table if r["key"][0] == label]
            for variant, colour in (("convex-adversarial", "C3"), ("convex-random", "C0"),
                                    ("gradient-descent-random", "C2")):
                ok = [r for r in rows if r[variant]]
                axes[2].loglog([r["upper"] for r in ok], [r[variant]["c1"] for r in ok], markers[label],
                               color=colour, ms=5, alpha=0.8, label=f"{variant}, {label}")
        grid = [math.exp(lo + (hi - lo) * t / 50) for t in range(51)]
        axes[2].loglog(grid, [2 / t for t in grid], "k--", lw=1, label="2 / tau (the bound, at tau_upper)")
        axes[2].loglog(grid, [1 / t for t in grid], "k:", lw=1, label="1 / tau")
        axes[2].set_xlabel("tau_min (searched upper bound)")
        axes[2].set_title("linear constant: error / ||e|| at the smallest noise")
        axes[2].legend(fontsize=7)
        sm = plt.cm.ScalarMappable(cmap=cmap, norm=matplotlib.colors.LogNorm(min(taus), max(taus)))
        fig.colorbar(sm, ax=axes[:2], label="tau_min (upper bound)")
        fig.savefig(figure, dpi=110, bbox_inches="tight")
        print("figure:", figure)


if __name__ == "__main__":
    main(sys.argv[1:])
