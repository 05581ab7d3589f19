"""`plainlang annotate draft.docx -o draft.checked.docx`: the same letter with every finding as a Word
comment on the flagged words and the score in a comment on the first paragraph.

Only click is imported at the top: start-up stays instant, and plainlang.cli can import this module at
its end. The options shared with `check` are attached at the bottom of this file, after the command
exists, so the two modules may be imported in either order.
"""
from __future__ import annotations

import sys

import click

EXIT_ERROR = 2


@click.command(name="annotate", context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
               options_metavar="[ПАРАМЕТРЫ]")
@click.argument("path", type=click.Path(dir_okay=False), metavar="ПИСЬМО.docx")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Куда записать документ с примечаниями. По умолчанию — рядом с исходным: письмо.checked.docx.")
def annotate_command(path, output, profile, select, ignore, extend_select, options, config, isolated, languagetool):
    """Вернуть письмо .docx с замечаниями в виде примечаний Word. Исходный файл не меняется."""
    import os
    from pathlib import Path

    from .cli import settings_from
    from .document.docx_annotate import annotate_document, save_atomically
    from .document.load import display_path, load
    from .engine import check_document, plan_for
    from .errors import InputError

    source = Path(path)
    if source.suffix.lower() != ".docx":
        _fail(f"{path}: примечания можно добавить только в файл Word .docx.")
    target = Path(output) if output else source.with_name(source.name[:-len(source.suffix)] + ".checked.docx")
    if target.exists() and source.exists() and os.path.samefile(target, source):
        _fail(f"{path}: запись поверх исходного файла запрещена. Укажите другое имя в -o.")
    if not target.parent.is_dir():
        _fail(f"{target}: папка для результата не существует.")
    settings = settings_from(config, isolated, profile, select, ignore, extend_select, options, None, languagetool)
    plan = plan_for(settings)
    try:
        document = load(str(source))
    except InputError as exc:
        _fail(f"{display_path(path)}: {exc}")
    document.path = display_path(path)
    result = check_document(document, settings, plan)
    annotate_document(document, result)
    try:
        save_atomically(document.native, target)
    except OSError as exc:
        _fail(f"{target}: не удалось записать файл ({exc.strerror or exc}).")
    score = f"{result.score:.1f}".replace(".", ",")
    click.echo(f"{display_path(str(target))}: примечаний {len(result.findings)}, оценка {score} из 10.")


def _fail(message: str):
    click.echo(f"plainlang: {message}", err=True)
    sys.exit(EXIT_ERROR)


def _attach_common_options(command):
    from .cli import common_options
    holder = common_options(lambda: None)
    command.params.extend(reversed(holder.__click_params__))


_attach_common_options(annotate_command)
