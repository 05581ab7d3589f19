"""Command line: `plainlang check`, `rules`, `explain`, `eval`.

Exit codes as in ruff: 0 — nothing at or above --fail-on; 1 — something is; 2 — a usage, config or
input error (the other files are still checked). Nothing heavy is imported at start-up.
"""
from __future__ import annotations

import sys

import click

from . import __version__
from .cli_ru import install as _russian_click
from .errors import PlainlangError

_russian_click()

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class Group(click.Group):
    """Turns any plainlang error into a Russian message and exit code 2, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PlainlangError as exc:
            click.echo(f"plainlang: {exc}", err=True)
            sys.exit(EXIT_ERROR)
        except click.exceptions.ClickException:
            raise
        except (click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("plainlang: остановлено.", err=True)
            sys.exit(130)
        except BrokenPipeError:
            # the reader of our output went away («plainlang check … | head»): stop quietly
            import os
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except Exception as exc:  # noqa: BLE001 - last resort: a message, not a traceback
            click.echo(f"plainlang: внутренняя ошибка ({type(exc).__name__}: {exc}). "
                       "Сообщите о ней разработчикам.", err=True)
            sys.exit(EXIT_ERROR)


@click.group(cls=Group, context_settings=CONTEXT, options_metavar="[ПАРАМЕТРЫ]",
             subcommand_metavar="КОМАНДА [АРГУМЕНТЫ]...")
@click.version_option(__version__, "-V", "--version", message="plainlang %(version)s")
def main():
    """plainlang проверяет, просто ли написано письмо: канцелярит, длинные предложения,
    сокращения, тон, оформление. Работает без интернета.

    \b
    Примеры:
      plainlang check ответ.docx
      plainlang check письма/ --format json
      plainlang explain K101
    """


def _parse_option(value: str):
    import yaml
    key, sep, raw = value.partition("=")
    rule, dot, name = key.partition(".")
    if not sep or not dot or not rule or not name:
        raise click.BadParameter(f"нужно ПРАВИЛО.параметр=значение, например S501.max_words=20, а не «{value}»")
    try:
        parsed = yaml.safe_load(raw)
    except yaml.YAMLError:
        parsed = raw
    return rule.strip(), name.strip(), parsed


def settings_from(config, isolated, profile, select, ignore, extend_select, options, fail_on, languagetool):
    from .config import _as_list, load_settings
    settings = load_settings(config, isolated)
    if profile:
        settings.profile = profile
    if select:
        settings.select = _as_list(",".join(select), "--select", "select")
    if ignore:
        settings.ignore = settings.ignore + _as_list(",".join(ignore), "--ignore", "ignore")
    if extend_select:
        settings.extend_select = settings.extend_select + _as_list(",".join(extend_select), "--extend-select", "")
    for opt in options:
        rule, name, value = _parse_option(opt)
        settings.options.setdefault(rule, {})[name] = value
    if fail_on:
        settings.fail_on = fail_on
    if languagetool:
        settings.languagetool = languagetool
    return settings


def common_options(f):
    decorators = [
        click.option("--profile", help="Профиль правил: default, strict или путь к своему YAML."),
        click.option("--select", multiple=True, help="Только эти правила: код (K101), начало кода (K), имя или категория."),
        click.option("--ignore", multiple=True, help="Не проверять эти правила (код, начало кода, имя или категория)."),
        click.option("--extend-select", multiple=True, help="Добавить правила к выбранным профилем."),
        click.option("--option", "options", multiple=True, metavar="ПРАВИЛО.параметр=значение",
                     help="Параметр правила, например S501.max_words=20."),
        click.option("--config", type=click.Path(dir_okay=False), help="Файл настроек (.plainlang.yaml или pyproject.toml)."),
        click.option("--isolated", is_flag=True, help="Не читать файлы настроек."),
        click.option("--languagetool", metavar="URL",
                     help="Ваш сервер LanguageTool, например http://localhost:8081. Без него текст не покидает компьютер."),
    ]
    for d in reversed(decorators):
        f = d(f)
    return f


@main.command(context_settings=CONTEXT, options_metavar="[ПАРАМЕТРЫ]")
@click.argument("paths", nargs=-1, required=True, metavar="ФАЙЛЫ_ИЛИ_ПАПКИ...")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Вид отчёта.")
@click.option("--fail-on", type=click.Choice(["info", "warning", "error"]), default=None,
              help="С какой важности замечания код выхода равен 1 (по умолчанию warning).")
@click.option("--exit-zero", is_flag=True, help="Код выхода 0, даже если есть замечания.")
@click.option("--color/--no-color", default=None, help="Цвет в отчёте (по умолчанию — если вывод на терминал).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Сколько процессов проверяют файлы; 0 — по числу ядер.")
@common_options
def check(paths, fmt, fail_on, exit_zero, color, jobs, profile, select, ignore, extend_select, options, config,
          isolated, languagetool):
    """Проверить письма: файлы .txt, .md, .docx или папки с ними. «-» — читать текст со стандартного ввода."""
    from .document.load import expand_paths
    from .engine import check_paths, plan_for
    from .finding import SEVERITY_RANK, FileResult

    settings = settings_from(config, isolated, profile, select, ignore, extend_select, options, fail_on,
                             languagetool)
    plan_for(settings)  # validates selectors and options before any file is read
    listed = expand_paths(list(paths))
    readable = [p for p, error in listed if not error]
    # standard input can be read only by this process
    checked = iter(check_paths(readable, settings, 1 if "-" in readable else jobs))
    results = [FileResult(path=p, error=error) if error else next(checked) for p, error in listed]
    colour = sys.stdout.isatty() if color is None else color
    if fmt == "json":
        from .report.json_report import render
        click.echo(render(results))
    else:
        from .report.text import render
        # one write, not one per line: a folder of letters gives thousands of lines
        lines = list(render(results, colour))
        if lines:
            click.echo("\n".join(lines), color=colour)
    errors = [r for r in results if r.error is not None]
    for r in errors:
        click.echo(f"plainlang: {r.path}: {r.error}", err=True)
    if errors:
        sys.exit(EXIT_ERROR)
    threshold = SEVERITY_RANK[settings.fail_on]
    failing = any(SEVERITY_RANK[f.severity] >= threshold for r in results for f in r.findings)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_OK)


@main.command(context_settings=CONTEXT, options_metavar="[ПАРАМЕТРЫ]")
@click.option("--profile", default="default", show_default=True, help="Профиль, по которому отмечать включённые правила.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(profile, fmt):
    """Список правил: код, имя, категория, важность, включено ли в профиле."""
    import json

    from .registry import all_rules, load_profile, select
    prof = load_profile(profile)
    enabled = {r.id for r in select(all_rules(), prof["select"], prof["ignore"])}
    if fmt == "json":
        click.echo(json.dumps([{"rule": r.id, "name": r.name, "category": r.category, "severity": r.severity,
                                "enabled": r.id in enabled, "source": r.source} for r in all_rules()],
                              ensure_ascii=False, indent=2))
        return
    for r in all_rules():
        mark = "+" if r.id in enabled else " "
        click.echo(f"{mark} {r.id}  {r.name:<26} {r.category:<14} {r.severity:<8} {_first_line(r)}")
    click.echo(f"\n«+» — правило включено в профиле {profile}. Подробнее: plainlang explain КОД")


def _first_line(rule) -> str:
    from string import Formatter
    text = rule.description or rule.message
    names = [f for _, f, _, _ in Formatter().parse(text) if f]
    for n in names:
        text = text.replace("{" + n + "}", "…")
    text = " ".join(text.split())
    return text if len(text) <= 70 else text[:69] + "…"


@main.command(context_settings=CONTEXT, options_metavar="[ПАРАМЕТРЫ]")
@click.argument("code", required=False)
@click.option("--score", "show_score", is_flag=True, help="Как считается оценка письма.")
def explain(code, show_score):
    """Объяснить правило: что проверяет, на какой пункт Порядка опирается, примеры."""
    if show_score:
        from .score import explain_score
        click.echo(explain_score())
        return
    if not code:
        raise click.UsageError("укажите код правила (например, K101) или --score")
    from .examples import parse_example
    from .registry import rule_by_code
    rule = rule_by_code(code)
    if rule is None:
        click.echo(f"plainlang: нет правила «{code}». Список правил: plainlang rules", err=True)
        sys.exit(EXIT_ERROR)
    from .report.text import SEVERITY_NAME
    weight = f"{rule.weight:g}".replace(".", ",")
    click.echo(f"{rule.id} {rule.name} [{rule.category}], важность: {SEVERITY_NAME[rule.severity]}, вес: {weight}")
    click.echo(f"Основание: {rule.source}")
    if rule.description:
        click.echo("\n" + " ".join(rule.description.split()))
    if rule.options:
        shown = {k: v for k, v in rule.options.items() if not isinstance(v, (list, dict))}
        if shown:
            click.echo("\nПараметры: " + ", ".join(f"{k}={v}" for k, v in shown.items()))
    click.echo("\nТак писать не стоит:")
    for ex in rule.examples.get("bad", []):
        e = parse_example(ex)
        line = f"  — {e.marked_display()}"
        if e.suggest:
            line += " → " + ", ".join(f"«{s}»" if s else "(убрать)" for s in e.suggest)
        click.echo(line)
    click.echo("\nТак хорошо:")
    for ex in rule.examples.get("good", []):
        click.echo(f"  — {parse_example(ex).marked_display() if isinstance(ex, dict) else ex}")


@main.command(name="eval", context_settings=CONTEXT, options_metavar="[ПАРАМЕТРЫ]")
@click.argument("path", default="corpus")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--details/--no-details", default=True, show_default=True,
              help="Показать ложные срабатывания и пропуски с текстом.")
@common_options
def eval_command(path, fmt, details, profile, select, ignore, extend_select, options, config, isolated,
                 languagetool):
    """Точность и полнота по размеченному корпусу (папка с .jsonl и pairs/ или один файл .jsonl)."""
    import json

    from .evaluate import evaluate, render_table
    settings = settings_from(config, isolated, profile, select, ignore, extend_select, options, None,
                             languagetool)
    report = evaluate(path, settings)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for line in render_table(report, details):
            click.echo(line)


from .annotate import annotate_command  # noqa: E402 - after main and common_options, which it uses
main.add_command(annotate_command)


@main.command(context_settings=CONTEXT, options_metavar="[ПАРАМЕТРЫ]")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Адрес страницы. По умолчанию она видна только на этом компьютере.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Порт страницы.")
@common_options
def serve(host, port, profile, select, ignore, extend_select, options, config, isolated, languagetool):
    """Проверять письма в браузере: перетащите файл на страницу и посмотрите замечания."""
    from .engine import plan_for
    from .web.server import serve as run_server   # imported here: the server loads the whole engine
    settings = settings_from(config, isolated, profile, select, ignore, extend_select, options, None,
                             languagetool)
    plan_for(settings)  # a wrong rule name stops here, before the page opens
    run_server(host, port, settings)


def run():
    main()
