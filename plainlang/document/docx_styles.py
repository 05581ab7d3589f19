"""The formatting Word shows for a run, resolved the way Word resolves it.

Order of precedence (ECMA-376 §17.7.2): document defaults → table style → paragraph style chain →
character style chain → direct run properties; each style chain follows `w:basedOn`. Two details
python-docx does not model and that decide what a Russian reader sees:

- fonts are chosen per script: Cyrillic letters are drawn with the `w:hAnsi` font, ASCII with
  `w:ascii`; each `w:rFonts` attribute is inherited on its own, and a theme attribute
  (`w:hAnsiTheme="minorHAnsi"`) wins over the explicit name beside it, pointing into
  `word/theme/theme1.xml` (`a:minorFont`/`a:majorFont`, where a `<a:font script="Cyrl">` entry, if
  present, is taken for Cyrillic text);
- on/off properties such as italic and all caps are *toggles* in styles: italic in the paragraph
  style plus italic in the character style gives upright text (§17.7.3); direct formatting sets them
  outright.
"""
from __future__ import annotations

from functools import lru_cache

from .docx_colors import HIGHLIGHT, THEME_SLOTS, hex_or_none, shading_colour

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

TOGGLES = ("b", "i", "caps", "smallCaps", "outline", "shadow", "emboss", "imprint", "vanish")
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
W14_EFFECTS = {"glow": "glow", "reflection": "reflection", "shadow": "shadow14", "props3d": "3d",
               "scene3d": "3d"}
WORD_DEFAULT_FONT = "Times New Roman"   # what Word draws when no font is given anywhere
WORD_DEFAULT_SIZE = 10.0


def _on(el) -> bool:
    value = el.get(W + "val")
    return value is None or value.lower() not in ("0", "false", "off")


def rpr_layer(rpr, origin) -> dict:
    """The run properties one element states, with `origin` remembered for the fonts."""
    layer: dict = {}
    if rpr is None:
        return layer
    for child in rpr:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag.startswith(W):
            name = tag[len(W):]
            if name in TOGGLES:
                layer[name] = _on(child)
            elif name == "rFonts":
                fonts = {}
                for slot in SLOTS:
                    theme = child.get(W + ("cstheme" if slot == "cs" else slot + "Theme"))
                    explicit = child.get(W + slot)
                    if theme or explicit:
                        fonts[slot] = (explicit, theme, origin)
                layer["rFonts"] = fonts
            elif name == "sz":
                try:
                    layer["sz"] = int(child.get(W + "val")) / 2
                except (TypeError, ValueError):
                    pass
            elif name == "color":
                layer["color"] = (child.get(W + "val"), child.get(W + "themeColor"))
            elif name == "u":
                value = child.get(W + "val") or "single"
                layer["u"] = None if value == "none" else value
            elif name == "highlight":
                value = child.get(W + "val")
                layer["highlight"] = value if value in HIGHLIGHT else None
            elif name == "shd":
                layer["shd"] = shading_colour(child.get(W + "val"), child.get(W + "color"), child.get(W + "fill"))
            elif name == "rStyle":
                layer["rStyle"] = child.get(W + "val")
            elif name == "effect":
                layer["effect"] = (child.get(W + "val") or "none") != "none"
            elif name in ("rtl", "cs"):
                layer[name] = _on(child)
        elif tag.startswith(W14):
            _w14(tag[len(W14):], child, layer)
    return layer


def _w14(name, child, layer):
    if name in W14_EFFECTS:
        layer[W14_EFFECTS[name]] = True
    elif name == "textOutline":
        # Word writes an outline with noFill for plain text in some templates: not an effect
        layer["outline14"] = child.find(A + "noFill") is None and child.find(W14 + "noFill") is None
    elif name == "textFill":
        grad = child.find(W14 + "gradFill")
        layer["gradient"] = grad is not None
        solid = child.find(W14 + "solidFill")
        if solid is not None:
            clr = solid.find(W14 + "srgbClr")
            if clr is not None:
                layer["textFill"] = ("rgb", clr.get(W14 + "val"))
            elif solid.find(W14 + "schemeClr") is not None:
                layer["textFill"] = ("theme", solid.find(W14 + "schemeClr").get(W14 + "val"))


def merged(layers) -> dict:
    """Layers of one chain, base first: later ones win, fonts attribute by attribute."""
    out: dict = {}
    for layer in layers:
        for key, value in layer.items():
            if key == "rFonts":
                out["rFonts"] = {**out.get("rFonts", {}), **value}
            else:
                out[key] = value
    return out


class Theme:
    """word/theme/theme1.xml: the heading (major) and body (minor) fonts with their per-script
    entries, and the colour scheme that `w:themeColor` names point into."""

    def __init__(self, root=None):
        self.fonts = {"major": {}, "minor": {}}
        self.colours: dict[str, str] = {}
        if root is None:
            return
        for kind in ("major", "minor"):
            el = root.find(f".//{A}{kind}Font")
            if el is None:
                continue
            entry = {}
            for tag, key in (("latin", "latin"), ("ea", "ea"), ("cs", "cs")):
                sub = el.find(A + tag)
                if sub is not None and sub.get("typeface"):
                    entry[key] = sub.get("typeface")
            for sub in el.findall(A + "font"):
                if sub.get("script") and sub.get("typeface"):
                    entry["script:" + sub.get("script")] = sub.get("typeface")
            self.fonts[kind] = entry
        scheme = root.find(f".//{A}clrScheme")
        if scheme is not None:
            for slot in scheme:
                if not isinstance(slot.tag, str):
                    continue
                for clr in slot:
                    value = clr.get("val") if clr.tag == A + "srgbClr" else clr.get("lastClr")
                    if hex_or_none(value):
                        self.colours[slot.tag[len(A):]] = value.upper()

    def font(self, attr: str, cyrillic: bool) -> str | None:
        kind = "major" if attr.startswith("major") else "minor"
        fonts = self.fonts[kind]
        which = attr[5:]
        if which in ("HAnsi", "Ascii"):
            if cyrillic and fonts.get("script:Cyrl"):
                return fonts["script:Cyrl"]
            return fonts.get("latin")
        return fonts.get("ea" if which == "EastAsia" else "cs")

    def colour(self, name: str | None) -> str | None:
        if not name:
            return None
        return self.colours.get(THEME_SLOTS.get(name, name))


class StyleSheet:
    """styles.xml and the theme of one document; answers "what does this run look like"."""

    def __init__(self, styles_root, theme: Theme):
        self.theme = theme
        self.styles: dict[str, object] = {}
        self.default: dict[str, str | None] = {"paragraph": None, "character": None, "table": None}
        self.defaults_rpr, self.defaults_ppr = {}, None
        self._rchain = lru_cache(256)(self._rchain_uncached)
        self._shades: dict[str | None, bool] = {}
        if styles_root is None:
            return
        rpr = styles_root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
        self.defaults_rpr = rpr_layer(rpr, "default")
        self.defaults_ppr = styles_root.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr")
        for st in styles_root.findall(W + "style"):
            sid = st.get(W + "styleId")
            if sid is None:
                continue
            self.styles[sid] = st
            kind = st.get(W + "type")
            if _on_attr(st.get(W + "default")) and kind in self.default and self.default[kind] is None:
                self.default[kind] = sid
        if self.default["paragraph"] is None and "Normal" in self.styles:
            # LibreOffice does not mark its Normal style as the default, yet uses it as one
            self.default["paragraph"] = "Normal"

    def name(self, sid: str | None) -> str | None:
        st = self.styles.get(sid)
        if st is None:
            return None
        el = st.find(W + "name")
        return el.get(W + "val") if el is not None else sid

    def chain(self, sid: str | None) -> list:
        """The style and those it is based on, base first; cycles and dangling ids end the chain."""
        out, seen = [], set()
        while sid and sid in self.styles and sid not in seen and len(out) < 32:
            seen.add(sid)
            out.append(self.styles[sid])
            based = self.styles[sid].find(W + "basedOn")
            sid = based.get(W + "val") if based is not None else None
        return out[::-1]

    def _rchain_uncached(self, sid: str | None, kind: str) -> dict:
        layers = []
        for st in self.chain(sid):
            own = st.get(W + "styleId")
            origin = "default" if kind == "paragraph" and own == self.default["paragraph"] else ("style", own)
            layers.append(rpr_layer(st.find(W + "rPr"), origin))
        return merged(layers)

    def ppr_chain(self, sid: str | None) -> list:
        return [st.find(W + "pPr") for st in self.chain(sid) if st.find(W + "pPr") is not None]

    def paragraph_style(self, ppr) -> str | None:
        el = ppr.find(W + "pStyle") if ppr is not None else None
        sid = el.get(W + "val") if el is not None else None
        return sid if sid in self.styles else self.default["paragraph"]

    def run(self, rpr, para_style: str | None, table_style: str | None, wide: bool, cyrillic: bool) -> dict:
        """Effective properties of one run: font, size, colour, toggles, underline, effects, shading.
        `wide`: the run has letters beyond ASCII, which Word draws with the w:hAnsi font;
        `cyrillic`: some of them are Cyrillic, for the theme's script="Cyrl" font."""
        direct = rpr_layer(rpr, "direct")
        char_id = direct.get("rStyle") if direct.get("rStyle") in self.styles else self.default["character"]
        styles = [self._rchain(table_style, "table"), self._rchain(para_style, "paragraph"),
                  self._rchain(char_id, "character")]
        top_down = [direct, styles[2], styles[1], styles[0], self.defaults_rpr]
        props = {"char_style": char_id}
        for t in TOGGLES:
            value = bool(self.defaults_rpr.get(t, False))
            for layer in styles:
                if layer.get(t) is True:
                    value = not value
            props[t] = direct[t] if t in direct else value
        for key in ("sz", "u", "highlight", "shd", "effect", "rtl", "cs", "glow", "reflection", "shadow14",
                    "3d", "outline14", "gradient"):
            props[key] = next((layer[key] for layer in top_down if key in layer), None)
        props["sz"] = props["sz"] or WORD_DEFAULT_SIZE
        props["colour"] = self._colour(top_down)
        slot = "cs" if props["rtl"] or props["cs"] else ("hAnsi" if wide else "ascii")
        props["font"], props["font_origin"] = self._font(top_down, slot, cyrillic)
        return props

    def _font(self, top_down, slot, cyrillic):
        for layer in top_down:
            entry = layer.get("rFonts", {}).get(slot)
            if entry is None:
                continue
            explicit, theme, origin = entry
            name = self.theme.font(theme, cyrillic) if theme else None
            name = name or explicit
            if name:
                return name.strip(), origin
        return WORD_DEFAULT_FONT, "default"

    def _colour(self, top_down) -> str | None:
        for layer in top_down:
            if "textFill" in layer:
                how, value = layer["textFill"]
                return hex_or_none(value) if how == "rgb" else self.theme.colour(value)
            if "color" in layer:
                value, theme = layer["color"]
                if hex_or_none(value):
                    return value.upper()
                return self.theme.colour(theme)
        return None

    def paragraph(self, ppr, table_style: str | None = None) -> dict:
        """Paragraph-level facts: style, shading, outline level (headings) and list numbering."""
        sid = self.paragraph_style(ppr)
        chain = [self.defaults_ppr] if self.defaults_ppr is not None else []
        chain += self.ppr_chain(table_style) + self.ppr_chain(sid)
        if ppr is not None:
            chain.append(ppr)
        out = {"style": sid, "style_name": self.name(sid), "shading": None, "outline": None, "list": False}
        for el in chain:
            shd = el.find(W + "shd")
            if shd is not None:
                out["shading"] = shading_colour(shd.get(W + "val"), shd.get(W + "color"), shd.get(W + "fill"))
            lvl = el.find(W + "outlineLvl")
            if lvl is not None:
                try:
                    out["outline"] = int(lvl.get(W + "val"))
                except (TypeError, ValueError):
                    pass
            num = el.find(W + "numPr/" + W + "numId")
            if num is not None:
                out["list"] = num.get(W + "val") not in (None, "0")
        return out

    def table_shades(self, sid: str | None) -> bool:
        """Whether a table style paints cells (whole table, header row, bands): their colour is not
        resolved per cell, so the text background there is unknown."""
        if sid not in self._shades:
            self._shades[sid] = any(st.find(f".//{W}shd") is not None for st in self.chain(sid))
        return self._shades[sid]

    def default_font(self) -> tuple[str, str]:
        """The font of the default paragraph style for Cyrillic text, and where it comes from."""
        layers = [self._rchain(self.default["paragraph"], "paragraph"), self.defaults_rpr]
        return self._font(layers, "hAnsi", True)


def _on_attr(value) -> bool:
    return value is not None and value.lower() in ("1", "true", "on")
