"""The three display modes, and the contrast arithmetic that proves the strong one.

Textual ships no high-contrast theme, so we register our own: pure black
background, white text, yellow highlights.  The visitor cycles
standard -> high contrast -> terminal colours with the display key.
"""

from __future__ import annotations

from textual.color import Color
from textual.theme import Theme

from kiosk.languages import N_

#: Config name -> Textual theme name.
TEXTUAL_THEME: dict[str, str] = {
    "standard": "kiosk-standard",
    "high-contrast": "kiosk-high-contrast",
    "terminal": "ansi-dark",
}
#: Config name -> what the status line says (translated when shown).
DISPLAY_LABEL: dict[str, str] = {
    "standard": N_("standard"),
    "high-contrast": N_("high contrast"),
    "terminal": N_("terminal colours"),
}
DISPLAY_ORDER: tuple[str, ...] = ("standard", "high-contrast", "terminal")

STANDARD = Theme(
    name="kiosk-standard",
    primary="#8CB8EE",
    secondary="#A9C7A0",
    accent="#F2C46D",
    warning="#F2C46D",
    error="#F29C9C",
    success="#A9D8A0",
    foreground="#EEF1F5",
    background="#1A1E26",
    surface="#20252F",
    panel="#2A3140",
    boost="#2A3140",
    dark=True,
    text_alpha=1.0,
)

HIGH_CONTRAST = Theme(
    name="kiosk-high-contrast",
    primary="#FFFF00",
    secondary="#FFFFFF",
    accent="#FFFF00",
    warning="#FFFF00",
    error="#FFFFFF",
    success="#FFFFFF",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#000000",
    dark=True,
    text_alpha=1.0,
    luminosity_spread=0.0,
    variables={
        "text-muted": "#FFFFFF",
        "text-primary": "#FFFF00",
        "text-accent": "#FFFF00",
        "text-warning": "#FFFF00",
        "text-error": "#FFFFFF",
        "text-success": "#FFFFFF",
        "footer-background": "#000000",
        "border": "#FFFFFF",
        "border-blurred": "#FFFFFF",
        "scrollbar": "#FFFFFF",
        "scrollbar-hover": "#FFFF00",
        "scrollbar-active": "#FFFF00",
        "scrollbar-background": "#000000",
        "scrollbar-background-hover": "#000000",
        "scrollbar-background-active": "#000000",
        "scrollbar-corner-color": "#000000",
    },
)

#: (text, background) variable pairs the kiosk's stylesheets use in this theme.
#: Reverse video swaps each pair, which leaves the ratio unchanged.
HIGH_CONTRAST_PAIRS: tuple[tuple[str, str], ...] = (
    ("foreground", "background"),
    ("accent", "background"),
    ("primary", "background"),
    ("foreground", "surface"),
    ("foreground", "panel"),
    ("accent", "panel"),
    ("text", "background"),
    ("text-muted", "background"),
    ("text-warning", "background"),
    ("border", "background"),
)


def register_themes(app) -> None:  # app: textual.app.App
    """Make the kiosk's own themes known to ``app``."""
    app.register_theme(STANDARD)
    app.register_theme(HIGH_CONTRAST)


def relative_luminance(color: Color) -> float:
    """WCAG 2.x relative luminance of an opaque sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast_ratio(a: Color, b: Color) -> float:
    """WCAG contrast ratio (1..21) between two colours."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def theme_pairs(theme: Theme, pairs=HIGH_CONTRAST_PAIRS) -> list[tuple[str, str, float]]:
    """The contrast ratio of each pair, from the colours Textual really generates."""
    variables = theme.to_color_system().generate()
    out = []
    for fg_name, bg_name in pairs:
        bg = Color.parse(variables[bg_name])
        fg_value = variables[fg_name]
        if fg_value.startswith("auto"):  # Textual's "auto 87%": black or white, translucent
            alpha = float(fg_value.split()[1].rstrip("%")) / 100 if " " in fg_value else 1.0
            fg = bg.get_contrast_text(alpha)
        else:
            fg = Color.parse(fg_value)
        if fg.a < 1:  # a translucent text colour is blended onto its background
            fg = bg.blend(fg.with_alpha(1.0), fg.a)
        out.append((fg_name, bg_name, contrast_ratio(fg, bg)))
    return out
