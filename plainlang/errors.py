"""Errors that reach the user as a plain Russian message, never as a traceback."""


class PlainlangError(Exception):
    """Base: the message is Russian and ready to print."""


class InputError(PlainlangError):
    """A file that cannot be read as a letter (missing, binary, wrong encoding, broken .docx)."""


class ConfigError(PlainlangError):
    """A configuration or ruleset problem: unknown rule, bad option, broken YAML."""
