"""Which EMA language an overview is written in.

The agency publishes each overview in the 24 EU languages plus Icelandic
and Norwegian.  Telling them apart needs no model: the script settles Greek,
and Bulgarian among the agency's Cyrillic languages; for the others the
short function words every sentence uses ("and", "the", "is", "with")
differ between languages.  A guess that is not clear (a few words, two
close languages) is no guess: the caller then asks staff for
``--language``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

__all__ = ["EMA_LANGUAGES", "LanguageGuess", "guess_language"]

#: The agency's languages: code -> English name.
EMA_LANGUAGES = {
    "bg": "Bulgarian", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "et": "Estonian", "fi": "Finnish", "fr": "French",
    "ga": "Irish", "hr": "Croatian", "hu": "Hungarian", "is": "Icelandic", "it": "Italian",
    "lt": "Lithuanian", "lv": "Latvian", "mt": "Maltese", "nb": "Norwegian", "nl": "Dutch",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "sk": "Slovak", "sl": "Slovenian",
    "sv": "Swedish",
}

_WORDS = {
    "en": "the and of is in to with for that are by be which was has this used patients it as",
    "de": "der die und das ist mit von den zu wird für bei nicht eine auf des im werden dem",
    "fr": "le la les des est et du une dans pour qui sur avec au par sont chez pas ce",
    "es": "el la los las y es en que del para con una por se un como está al",
    "it": "il di che è e per con dei delle del una nel sono gli non della alla",
    "pt": "o que é do da em para com os dos uma não na no das ao pelo",
    "nl": "de het een en van is te dat voor met bij zijn wordt niet op die worden",
    "sv": "och är att det som en för med av på inte till har används den ett hos",
    "da": "og er at det som en til med af på ikke har for den bruges hos efter nogle",
    "nb": "og er at det som en til med av på ikke har for den brukes hos etter noen",
    "is": "og er að það sem til með á í ekki fyrir hefur eru um við hjá lyfið",
    "fi": "on ja että ei se mitä joka kun ovat tai sen myös oli jos käytetään lääke",
    "et": "ja on et see ei mis kui või ka ning seda oma kasutatakse ravim mida",
    "hu": "a az és hogy nem egy is van ez meg mint vagy kell alkalmazzák gyógyszer",
    "pl": "i w z na się jest do nie to że jak od po lub przez stosowany lek",
    "cs": "a je v se na to že s z do jak pro nebo jsou přípravek léčivý k",
    "sk": "a je v sa na to že s z do ako pre alebo sú liek používa k",
    "sl": "in je v se na da za z so ali ki pri zdravilo uporablja kako ni",
    "hr": "i je u se na da za s su ili koji kod lijek primjenjuje kako nije",
    "ro": "și de la în este a cu pe care se nu pentru din sunt sau medicament",
    "lt": "ir yra kad į su ne kaip ar tai iš jo vaistas vartojamas buvo gali",
    "lv": "un ir ar ka par uz no kā vai tiek lai zāles nav to kas",
    "mt": "il u ta li huwa f hija għal ma jew biex dan din mediċina jiġi",
    "ga": "an na agus is ar le go i a ag don leigheas atá ó sé",
    "bg": "и на за се е от да в с не при който лекарство как използва",
}
_SETS = {code: frozenset(words.split()) for code, words in _WORDS.items()}
_OWN = {
    "da": frozenset("af bruges efter nogle hvad lægemiddel lægemidlet blev mellem sig patienter "
                    "patienterne behandlingen hvor".split()),
    "nb": frozenset("av brukes etter noen hva legemiddel legemidlet ble mellom seg pasienter "
                    "pasientene behandlingen hvor".split()),
}
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True)
class LanguageGuess:
    """The language found (``code`` empty when unsure) and how sure."""

    code: str
    name: str
    detail: str


def guess_language(text: str) -> LanguageGuess:
    """The EMA language ``text`` is written in, or an empty code when unsure.

    Medicine names and numbers do not count; at least a sentence or two of
    text is needed.
    """
    greek, cyrillic, latin = (len(p.findall(text)) for p in (_GREEK, _CYRILLIC, _LATIN))
    letters = greek + cyrillic + latin
    if letters < 40:
        return LanguageGuess("", "", "too little text to tell its language")
    if greek > 0.5 * letters:
        return LanguageGuess("el", EMA_LANGUAGES["el"], "Greek script")
    if cyrillic > 0.5 * letters:
        if re.search(r"[іїєґ]", text.lower()):
            return LanguageGuess("", "", "Cyrillic, but not Bulgarian (no EMA language)")
        return LanguageGuess("bg", EMA_LANGUAGES["bg"], "Cyrillic script")
    tokens = Counter(t.lower().replace("’", "'") for t in _TOKEN.findall(text))
    scores = {code: sum(n for word, n in tokens.items() if word in words)
              for code, words in _SETS.items() if code not in ("bg",)}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if {ranked[0][0], ranked[1][0]} == {"da", "nb"}:
        # Danish and Norwegian share most short words: count only their own.
        ranked = sorted(((code, sum(n for word, n in tokens.items() if word in _OWN[code]))
                         for code in ("da", "nb")), key=lambda item: item[1], reverse=True) \
            + ranked[2:]
    (best, top), (_second, runner) = ranked[0], ranked[1]
    if top < 5 or top < 1.3 * runner:
        return LanguageGuess("", "", f"unclear ({best} {top}, {_second} {runner} common words)")
    return LanguageGuess(best, EMA_LANGUAGES[best], f"{top} common {EMA_LANGUAGES[best]} words")
