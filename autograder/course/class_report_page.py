"""The class report's page: its PNG plots (matplotlib, Agg) and its HTML.

The data comes from :func:`autograder.course.class_report.summarize`; this module only
draws and writes it. Text is HTML-escaped; the page names no student.
"""

from __future__ import annotations

import html
from pathlib import Path

from autograder.course.class_report import ClassReport, TaskSummary, read_submissions, summarize
from autograder.demos import agg_pyplot, save_png

#: Named mistakes shown per task (the rest are counted).
MAX_MISTAKES = 8
#: Scores up to this many points get one bar each; larger ranges are binned into as many.
MAX_BARS = 12
FULL_COLOUR, PARTIAL_COLOUR = "#1b7837", "#999999"


def _score_bars(ax, scores: list[float], max_score: float) -> None:  # noqa: ANN001
    """Bar chart of how many students got each score, full marks in green.

    Up to :data:`MAX_BARS` points, one bar per score; above, scores below full marks are
    binned (:data:`MAX_BARS` bins) and full marks keep their own bar.
    """
    import numpy as np

    full = [s for s in scores if s >= max_score - 1e-6]
    below = [s for s in scores if s < max_score - 1e-6]
    if max_score <= MAX_BARS:
        values = np.arange(0, int(np.ceil(max_score)) + 1, dtype=float)
        width, full_at = 0.8, max_score
        counts = [sum(1 for s in below if abs(s - v) < 0.5) for v in values]
        ax.set_xticks(values, [f"{v:g}" for v in values], fontsize=7)
    else:  # bins over [0, max), full marks to the right of the last bin
        edges = np.linspace(0.0, max_score, MAX_BARS + 1)
        width = 0.8 * (edges[1] - edges[0])
        values = (edges[:-1] + edges[1:]) / 2
        full_at = max_score + (edges[1] - edges[0]) / 2
        counts = list(np.histogram(below, bins=edges)[0]) if below else [0] * MAX_BARS
    ax.bar(values, counts, width=width, color=PARTIAL_COLOUR, label="below full marks")
    ax.bar([full_at], [len(full)], width=width, color=FULL_COLOUR, label="full marks")
    ax.set_xlim(-0.6 * width - 0.2, full_at + 0.6 * width + 0.2)
    ax.set_xlabel(f"score (of {max_score:g})")
    ax.set_ylabel("students")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.set_ylim(0, 1.5 * max([*counts, len(full), 1]) + 0.2)  # room for the legend
    ax.legend(fontsize=7, loc="upper center", ncol=2)


def plot_task(task: TaskSummary, path: Path) -> None:
    """Save the score distribution of one task."""
    plt = agg_pyplot()
    fig, ax = plt.subplots(figsize=(4.2, 2.6))
    _score_bars(ax, task.scores, task.max_score)
    ax.set_title(
        f"Task {task.id} · {task.function}\n{task.full_share:.0%} at full marks", fontsize=10
    )
    save_png(plt, fig, path)


def plot_overview(report: ClassReport, path: Path) -> None:
    """Save the unit's overview: share at full marks per task, total score distribution."""
    plt = agg_pyplot()
    n = len(report.tasks)
    fig, (ax1, ax2) = plt.subplots(
        1, 2, figsize=(11, max(3.0, 0.32 * n + 1.2)), gridspec_kw={"width_ratios": [1.2, 1]}
    )
    labels = [f"{t.id} {t.function}" for t in report.tasks]
    shares = [100 * t.full_share for t in report.tasks]
    ax1.barh(range(n), shares, color=FULL_COLOUR, label="students at full marks (%)")
    ax1.set_yticks(range(n), labels, fontsize=8)
    ax1.invert_yaxis()
    ax1.set_xlim(0, 100)
    ax1.set_xlabel("students at full marks (%)")
    ax1.set_ylabel("task")
    ax1.set_title("Share of the class at full marks, per task")
    ax1.legend(fontsize=7, loc="lower right")
    _score_bars(ax2, report.totals, report.max_score)
    ax2.set_title(f"Unit total ({report.available})")
    fig.suptitle(f"{report.unit} — {report.students} students graded")
    save_png(plt, fig, path)


# ----------------------------------------------------------------------------- HTML

CSS = """
body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 70em; color: #222; }
h1 { margin-bottom: 0.2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: 0.8em 0; }
th, td { border: 1px solid #ccc; padding: 0.3em 0.7em; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } td.num { text-align: right; }
pre { background: #f7f7f7; padding: 0.6em; margin: 0; white-space: pre-wrap; font-size: 0.85em; }
.note { color: #555; } .task { display: flex; gap: 1.5em; align-items: flex-start; }
.task img { flex: none; }
"""


def _e(text: object) -> str:
    return html.escape(str(text))


def _share(k: int, n: int) -> str:
    return f"{k} ({k / n:.0%})" if n else str(k)


def _task_section(task: TaskSummary, image: str, n: int) -> str:
    rows = "".join(
        f"<tr><td>{_e(m.title)}</td><td class='num'>{_share(m.students, n)}</td>"
        f"<td>{_e(', '.join(m.checks))}</td><td><pre>{_e(m.example)}</pre></td></tr>"
        for m in task.mistakes[:MAX_MISTAKES]
    )
    more = len(task.mistakes) - MAX_MISTAKES
    mistakes = (
        "<table><tr><th>named mistake</th><th>students</th><th>checks it failed</th>"
        f"<th>example message (anonymized)</th></tr>{rows}</table>"
        if rows
        else "<p class='note'>No named mistake.</p>"
    )
    if more > 0:
        mistakes += f"<p class='note'>and {more} more named mistakes.</p>"
    checks = ", ".join(f"{_e(name)}: {k}" for name, k in task.failed_checks.items() if k) or "none"
    return (
        f"<h2 id='t{_e(task.id)}'>Task {_e(task.id)} · <code>{_e(task.function)}</code>: "
        f"{_e(task.title)} ({_e(task.available)})</h2>"
        f"<div class='task'><img src='{_e(image)}' alt='score distribution of task "
        f"{_e(task.id)}' width='420'><div>"
        f"<p><b>{_share(task.full_marks, n)}</b> students at full marks; "
        f"not implemented: {_share(task.not_implemented, n)}; lost points with no named "
        f"mistake: {_share(task.unnamed, n)}.</p>"
        f"<p class='note'>Students failing each check: {checks}.</p></div></div>"
        f"{mistakes}"
    )


def render_html(report: ClassReport, overview: str, images: dict[str, str]) -> str:
    """The report page.

    Args:
        report: the report's data.
        overview: file name of the overview plot.
        images: ``{task id: file name of its plot}``.

    Returns:
        The HTML text.
    """
    n = report.students
    top = report.top_mistakes()
    top_rows = "".join(
        f"<tr><td class='num'>{_share(m.students, n)}</td><td><a href='#t{_e(t.id)}'>"
        f"{_e(t.id)} {_e(t.function)}</a></td><td>{_e(m.title)}</td></tr>"
        for t, m in top
    )
    top_table = (
        f"<table><tr><th>students</th><th>task</th><th>named mistake</th></tr>{top_rows}</table>"
        if top_rows
        else "<p class='note'>No named mistake in this class.</p>"
    )
    task_rows = "".join(
        f"<tr><td><a href='#t{_e(t.id)}'>{_e(t.id)}</a></td><td><code>{_e(t.function)}</code>"
        f"</td><td>{_e(t.available)}</td><td class='num'>{_share(t.full_marks, n)}</td>"
        f"<td class='num'>{_share(t.not_implemented, n)}</td>"
        f"<td>{_e(t.mistakes[0].title) + f' ({t.mistakes[0].students})' if t.mistakes else ''}"
        "</td></tr>"
        for t in report.tasks
    )
    not_gradable = (
        f" {report.not_gradable} more submission(s) could not be graded and are left out "
        "(see <code>autograder course gradebook</code>)."
        if report.not_gradable
        else ""
    )
    sections = "".join(_task_section(t, images[t.id], n) for t in report.tasks)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Class report: {_e(report.unit)}</title><style>{CSS}</style></head><body>"
        f"<h1>Class report: {_e(report.unit)} — {_e(report.title)}</h1>"
        f"<p>{n} students graded ({_e(report.available)}).{not_gradable} Scores and mistakes "
        "are the autograder's; the page names no student.</p>"
        f"<img src='{_e(overview)}' alt='share at full marks per task and total scores' "
        "width='100%'>"
        f"<h2>Most frequent mistakes</h2>{top_table}"
        "<h2>Tasks</h2><table><tr><th>task</th><th>function</th><th>points</th>"
        "<th>full marks</th><th>not implemented</th><th>most frequent mistake</th></tr>"
        f"{task_rows}</table>{sections}</body></html>"
    )


def write_report(course: Path | str, unit: str, out_dir: Path | str | None = None) -> Path:
    """Write the class report of a unit: ``index.html`` and its PNG plots.

    Args:
        course: the course root.
        unit: the unit.
        out_dir: where to write (default ``<course>/reports/<unit>``).

    Returns:
        The path of ``index.html``.

    Raises:
        FileNotFoundError: when nobody has submitted the unit.
    """
    subs = read_submissions(course, unit)
    if not subs:
        raise FileNotFoundError(f"no submission of {unit} in {course}")
    report = summarize(unit, subs)
    out = Path(out_dir) if out_dir else Path(course) / "reports" / unit
    out.mkdir(parents=True, exist_ok=True)
    plot_overview(report, out / "overview.png")
    images = {}
    for task in report.tasks:
        name = f"task_{task.id.replace('.', '_')}.png"
        plot_task(task, out / name)
        images[task.id] = name
    index = out / "index.html"
    index.write_text(render_html(report, "overview.png", images), encoding="utf-8")
    return index
