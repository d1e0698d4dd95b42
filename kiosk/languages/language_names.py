"""Names of the supported languages, as Babel's CLDR data gives them.

Reading 28 locales' CLDR data costs about 0.3 s and several MiB at every
start, only to show 28 names on the welcome screen, so the result is kept
here.  It is not typed by hand: ``tests/languages/test_language_names.py``
recomputes every row from Babel and fails, printing the new table, when a
Babel upgrade changes a name.  A language not listed here is still named
from Babel, just more slowly.
"""

# code: (native name, English name, text direction)
LANGUAGE_NAMES: dict[str, tuple[str, str, str]] = {
    "bg": ("Български", "Bulgarian", "ltr"),
    "cs": ("Čeština", "Czech", "ltr"),
    "da": ("Dansk", "Danish", "ltr"),
    "de": ("Deutsch", "German", "ltr"),
    "el": ("Ελληνικά", "Greek", "ltr"),
    "en": ("English", "English", "ltr"),
    "es": ("Español", "Spanish", "ltr"),
    "et": ("Eesti", "Estonian", "ltr"),
    "fi": ("Suomi", "Finnish", "ltr"),
    "fr": ("Français", "French", "ltr"),
    "ga": ("Gaeilge", "Irish", "ltr"),
    "hr": ("Hrvatski", "Croatian", "ltr"),
    "hu": ("Magyar", "Hungarian", "ltr"),
    "it": ("Italiano", "Italian", "ltr"),
    "lt": ("Lietuvių", "Lithuanian", "ltr"),
    "lv": ("Latviešu", "Latvian", "ltr"),
    "mt": ("Malti", "Maltese", "ltr"),
    "nl": ("Nederlands", "Dutch", "ltr"),
    "pl": ("Polski", "Polish", "ltr"),
    "pt": ("Português", "Portuguese", "ltr"),
    "ro": ("Română", "Romanian", "ltr"),
    "sk": ("Slovenčina", "Slovak", "ltr"),
    "sl": ("Slovenščina", "Slovenian", "ltr"),
    "sv": ("Svenska", "Swedish", "ltr"),
    "nb": ("Norsk bokmål", "Norwegian Bokmål", "ltr"),
    "is": ("Íslenska", "Icelandic", "ltr"),
    "uk": ("Українська", "Ukrainian", "ltr"),
    "tr": ("Türkçe", "Turkish", "ltr"),
}
