"""Click speaks English; plainlang's users read Russian. Click marks its strings for gettext, so we
hand it a translation table instead of a compiled catalogue (no build step, no locale setup)."""
from __future__ import annotations

RU = {
    "Usage:": "Использование:",
    "Options": "Параметры",
    "Commands": "Команды",
    "Positional arguments": "Аргументы",
    "Show this message and exit.": "Показать эту справку и выйти.",
    "Show the version and exit.": "Показать версию и выйти.",
    "Error: {message}": "Ошибка: {message}",
    "Try '{command} {option}' for help.": "Подсказка: {command} {option}",
    "Missing argument": "Не хватает аргумента",
    "Missing option": "Не хватает параметра",
    "Missing parameter": "Не хватает значения",
    "Missing command.": "Не указана команда.",
    "Missing {param_type}": "Не хватает: {param_type}",
    "Missing parameter: {param_name}": "Не хватает значения: {param_name}",
    "No such command {name!r}.": "Нет команды {name!r}.",
    "No such option {name!r}.": "Нет параметра {name!r}.",
    "Option {name!r} does not take a value.": "Параметр {name!r} не принимает значения.",
    "Invalid value for {param_hint}: {message}": "Неверное значение {param_hint}: {message}",
    "Invalid value: {message}": "Неверное значение: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} — не число.",
    "{value} is not in the range {range}.": "{value} вне допустимых пределов {range}.",
    "{name} {filename!r} does not exist.": "{filename!r} не существует.",
    "{name} {filename!r} is a directory.": "{filename!r} — это папка.",
    "{name} {filename!r} is a file.": "{filename!r} — это файл.",
    "{name} {filename!r} is not readable.": "{filename!r} нельзя прочитать.",
    "{name} {filename!r} is not writable.": "В {filename!r} нельзя записать.",
    "Could not open file {filename!r}: {message}": "Не удалось открыть файл {filename!r}: {message}",
    "default: {default}": "по умолчанию: {default}",
    "required": "обязательно",
    "Aborted!": "Прервано.",
    "file": "файл",
    "directory": "папка",
    "path": "путь",
    "{value!r} is not {choice}.": "{value!r} — не {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} — не одно из: {choices}.",
    "Did you mean {possibility}?": "Может быть, {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Может быть, одно из: {possibilities}?)",
    "Got unexpected extra argument ({args})": "Лишний аргумент: {args}",
    "Got unexpected extra arguments ({args})": "Лишние аргументы: {args}",
    "Option {name!r} requires an argument.": "Параметру {name!r} нужно значение.",
    "Option {name!r} requires {nargs} arguments.": "Параметру {name!r} нужно значений: {nargs}.",
}


def gettext(message: str) -> str:
    return RU.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


def install() -> None:
    import click
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types
    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
