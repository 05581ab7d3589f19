"""Kinds: the Python behind rules. A rule in YAML names its kind; the class is imported only when a
rule of that kind is selected, so listing or explaining rules costs no model."""
from __future__ import annotations

import importlib

KINDS = {
    "lexicon": "lexicon:Lexicon",
    "sentence-length": "sentences:SentenceLength",
    "nesting": "sentences:Nesting",
    "syntax-nesting": "sentences:SyntaxNesting",
    "char-pattern": "chars:CharPattern",
    "morph-pattern": "morph_pattern:MorphPattern",
    "define-first": "abbreviations:DefineFirst",
    "caps-words": "caps:CapsWords",
    "consistency": "consistency:Consistency",
    "explain-term": "terms:ExplainTerm",
    "spelling": "spelling:Spelling",
    "paragraph-length": "structure:ParagraphLength",
    "preamble": "structure:Preamble",
    "languagetool": "languagetool:LanguageToolRule",
    "agreement": "agreement:Agreement",
    "clause-comma": "clause_comma:ClauseComma",
    # Word formatting (.docx only): these need "formatting" and read Block.runs
    "italic-format": "formatting:Italic",
    "underline-format": "formatting:Underline",
    "caps-format": "caps_format:CapsFormat",
    "font-class": "fonts:FontClass",
    "unknown-font": "fonts:UnknownFont",
    "text-effects": "formatting:Effects",
    "shading": "formatting:Shading",
    "page-background": "formatting:PageBackground",
    "low-contrast": "formatting:Contrast",
    "mixed-styles": "fonts:MixedStyles",
}


def kind_class(name: str):
    module, _, cls = KINDS[name].partition(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), cls)
