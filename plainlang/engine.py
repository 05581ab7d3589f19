"""Runs the selected rules over a document, turns hits into findings, scores the letter."""
from __future__ import annotations

from dataclasses import replace

from .config import Settings
from .context import Context
from .errors import ConfigError, InputError
from .finding import FileResult, Finding
from .registry import all_rules, known_selector, load_profile, select
from .suppress import is_suppressed


class Plan:
    """The selected rules, each bound to its kind with merged options, built once per settings."""

    def __init__(self, settings: Settings):
        from .kinds import kind_class
        profile = load_profile(settings.profile)
        # An explicit selection (command line or config file) replaces the profile's choice whole:
        # `--select S503` must run S503 even though the default profile leaves it out.
        if settings.select is not None:
            selectors, ignores = list(settings.select), list(settings.ignore)
        else:
            selectors, ignores = list(profile["select"]), profile["ignore"] + settings.ignore
        selectors += settings.extend_select
        for s in selectors + ignores:
            if not known_selector(s):
                raise ConfigError(f"нет правила или категории «{s}». Список правил: plainlang rules")
        self.settings = settings
        self.rules = select(all_rules(), selectors, ignores)
        severities = {**profile["severity"], **settings.severity}
        self.checks = []
        for rule in self.rules:
            options = {**rule.options, **profile["options"].get(rule.id, {}),
                       **profile["options"].get(rule.name, {}),
                       **settings.options.get(rule.id, {}), **settings.options.get(rule.name, {})}
            sev = severities.get(rule.id) or severities.get(rule.name) or rule.severity
            if sev != rule.severity:
                rule = replace(rule, severity=sev)
            self.checks.append((rule, kind_class(rule.kind)(rule, options)))
            self.checks[-1][1].settings = settings
        # every kind that matches dictionary phrases shares one pass over the tokens
        if any(getattr(k, "shares_phrase_pass", False) for _, k in self.checks):
            from .kinds.lexicon import share_phrase_pass
            share_phrase_pass([k for _, k in self.checks])
        # after sharing: the glossary's phrases are compiled then, and are worth keeping too
        from . import phrase_cache
        phrase_cache.save()

    @property
    def needs(self) -> set[str]:
        out = set()
        for _, kind in self.checks:
            out |= set(kind.needs)
        return out


_PLANS: dict[str, Plan] = {}


def plan_for(settings: Settings) -> Plan:
    # Settings is a mutable dataclass; equal settings (same repr) share one plan and its loaded rules
    key = repr(settings)
    if key not in _PLANS:
        if len(_PLANS) > 8:
            _PLANS.clear()
        _PLANS[key] = Plan(settings)
    return _PLANS[key]


def check_document(document, settings: Settings | None = None, plan: Plan | None = None) -> FileResult:
    settings = settings or Settings()
    plan = plan or plan_for(settings)
    ctx = Context(document, settings)
    ignored = settings.ignored_for(document.path)
    findings: list[Finding] = []
    for rule, kind in plan.checks:
        if ignored and select([rule], ignored, []):
            continue
        for hit in kind.check(ctx):
            finding = _finding(rule, hit, document)
            if document.suppressed and is_suppressed(finding, document.suppressed, rule):
                continue
            findings.append(finding)
    findings = _dedupe(findings)
    findings.sort(key=Finding.sort_key)
    from .score import score, stats
    st = stats(document, ctx)
    return FileResult(path=document.path, findings=findings, score=score(findings, st), stats=st,
                      document=document)


def _finding(rule, hit, document) -> Finding:
    values = dict(hit.values)
    if hit.start is not None:
        values.setdefault("match", document.text[hit.start:hit.end])
    values.setdefault("suggestion", hit.suggestions[0] if hit.suggestions else "")
    values.setdefault("note", "")
    try:
        message = rule.template(hit.template).format(**values)
    except (KeyError, IndexError) as exc:
        raise ConfigError(f"правило {rule.id}: в сообщении неизвестная подстановка {exc}") from None
    line = column = end_line = end_column = None
    paragraph = hit.paragraph
    locator = hit.locator
    if hit.start is not None:
        line, column = document.position(hit.start)
        end_line, end_column = document.position(hit.end)
        block = document.block_at(hit.start)
        if block is not None:
            paragraph = block.paragraph if paragraph is None else paragraph
            locator = locator or block.locator
    return Finding(
        rule=rule.id, name=rule.name, category=rule.category, severity=rule.severity, weight=rule.weight,
        message=" ".join(message.split()), start=hit.start, end=hit.end,
        text=document.text[hit.start:hit.end] if hit.start is not None else "",
        suggestions=tuple(hit.suggestions), line=line, column=column, end_line=end_line,
        end_column=end_column, paragraph=paragraph, locator=locator, source=rule.source)


NESTING_CATEGORIES = ("long-sentence", "structure")  # these cover sentences and paragraphs by design
# Word-choice categories: when one finding sits inside a longer one of another of these categories
# («вы понесёте ответственность» holds «понести ответственность»), the longer one says what is wrong.
PHRASE_CATEGORIES = ("bureaucratese", "wordiness", "archaism", "jargon", "aggression", "idiom", "negative",
                     "complex-term", "terminology")


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Within one category, a finding inside a longer one says the same thing twice: keep the longer."""
    keep = [f for f in findings if f.start is None or f.category in NESTING_CATEGORIES]
    by_category: dict[str, list[Finding]] = {}
    for f in findings:
        if f.start is not None and f.category not in NESTING_CATEGORIES:
            by_category.setdefault(f.category, []).append(f)
    for group in by_category.values():
        # on the same span, the more certain finding wins: one dictionary fix before a list of guesses
        group.sort(key=lambda f: (f.start, -(f.end - f.start), not f.suggestions, len(f.suggestions), f.rule))
        max_end = -1
        for f in group:
            if f.end > max_end:
                keep.append(f)
                max_end = f.end
    return _drop_contained_across(keep)


def _drop_contained_across(findings: list[Finding]) -> list[Finding]:
    phrase = sorted((f for f in findings if f.start is not None and f.category in PHRASE_CATEGORIES),
                    key=lambda f: (f.start, -(f.end - f.start)))
    drop = set()
    # «ложить» is jargon, not a typo: a spelling finding inside a word-choice finding says less
    for f in findings:
        if f.category == "spelling" and f.start is not None:
            if any(g.start <= f.start and f.end <= g.end for g in phrase):
                drop.add(id(f))
    for i, f in enumerate(phrase):
        for g in phrase[i + 1:]:
            if g.start >= f.end:
                break
            if g.end <= f.end and (g.end - g.start) < (f.end - f.start) and g.category != f.category:
                drop.add(id(g))
    return [f for f in findings if id(f) not in drop]


def check_path(path: str, settings: Settings | None = None) -> FileResult:
    from .document.load import display_path, load
    try:
        document = load(path)
    except InputError as exc:
        return FileResult(path=display_path(path), error=str(exc))
    document.path = display_path(path)
    return check_document(document, settings)


def check_text(text: str, settings: Settings | None = None, path: str = "<text>", fmt: str = "txt") -> FileResult:
    if fmt == "md":
        from .document.markdown import read_markdown
        document = read_markdown(path, text)
    else:
        from .document.plain import read_plain
        document = read_plain(path, text)
    return check_document(document, settings)


_WORKER_SETTINGS = None


def _init_worker(settings):
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    import os
    # each worker already has a core: numpy's own threads (natasha's models) would fight over them
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")


def _check_in_worker(path):
    result = check_path(path, _WORKER_SETTINGS)
    result.document = None  # the parsed document stays in the worker; reports need only findings
    return result


def _tune_gc_for_batch():
    """A batch run allocates millions of small objects (tokens, parses) and keeps few cycles. With
    Python's default thresholds the cycle collector ran every 700 allocations and walked the whole
    heap of dictionaries and caches again and again: a fifth of the run time. Collect rarely, and
    freeze what is loaded by now (rules, dictionaries) so the collector and forked workers leave it
    alone (a frozen object's memory page is not copied into a worker when the collector would touch it)."""
    import gc
    previous = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)
    return previous


def _restore_gc(previous) -> None:
    # a program that calls check_paths and goes on running gets Python's usual collector back
    import gc
    gc.set_threshold(*previous)
    gc.unfreeze()


def check_paths(paths: list[str], settings: Settings, jobs: int = 0):
    """Check many files, in parallel processes when there are enough of them. The plan (rules and
    dictionaries) is built before the workers fork, so they start warm. Results keep input order."""
    import os
    plan_for(settings)
    previous = _tune_gc_for_batch()
    try:
        yield from _check_all(paths, settings, jobs if jobs > 0 else min(os.cpu_count() or 1, 8))
    finally:
        _restore_gc(previous)


def _check_all(paths, settings, jobs):
    if jobs == 1 or len(paths) < 8:
        yield from (check_path(p, settings) for p in paths)
        return
    import multiprocessing as mp
    try:
        ctx = mp.get_context("fork")
    except ValueError:  # no fork (Windows, some macOS setups): check in this process
        yield from (check_path(p, settings) for p in paths)
        return
    from concurrent.futures import ProcessPoolExecutor
    # ProcessPoolExecutor, not multiprocessing.Pool: if a worker dies (out of memory, killed), the
    # run fails with an error instead of waiting forever
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker, initargs=(settings,)) as pool:
        # small chunks keep both workers busy to the end; a chunk costs one message each way
        yield from pool.map(_check_in_worker, paths, chunksize=max(1, min(4, len(paths) // (jobs * 16))))
