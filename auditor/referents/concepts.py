"""What a figure refers to, as a short phrase: NewsQuant's ``referred_concepts``.

A counted noun says what a count counts ("22 goals"); the concept says what the figure is
about: the noun phrase it measures ("maximum sustained winds of 155mph" -> maximum sustained
winds; "a 0.6 per cent fee" -> fee) and the subject of its clause ("Chris Wood has scored 22
goals" -> Chris Wood). Without a parser, both are read from the words around the figure: a
verb or a run of function words (``rules/vocabulary/concepts.yaml``) ends a phrase.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas

from auditor.referents.context import Sentence, Token, clause_of, sentence
from auditor.resources import vocabulary

_PUNCT_STOPS = {",", ";", ":", "(", ")", "\"", "-", "--", "—", "–"}


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    spec = vocabulary("concepts")
    return tuple(frozenset(spec[key].lower().split()) for key in ("function_words", "verbs", "pronouns"))


@lru_cache(maxsize=8192)
def _is_verb(word: str) -> bool:
    low = word.lower()
    if low in _words()[1]:
        return True
    if not low.isalpha() or word[:1].isupper():
        return False
    tags = getAllLemmas(low)
    return bool(tags) and ("VERB" in tags or "AUX" in tags) and "NOUN" not in tags and "ADJ" not in tags


def _content(tokens: list[Token]) -> list[str]:
    function = _words()[0]
    return [t.text for t in tokens if t.lower not in function and any(ch.isalpha() for ch in t.text)]


def _is_nounish(word: str) -> bool:
    if word[:1].isupper():
        return True
    tags = getAllLemmas(word.lower())
    return bool(tags) and ("NOUN" in tags or "ADJ" in tags or "PROPN" in tags)


def referred_concepts(text: str, start: int, end: int, counted: bool = False) -> list[str]:
    """Concept phrases for the figure at [start, end) of a sentence; [] when none is named.

    ``counted`` says the figure's surface already holds its counted noun ("22 goals"), so the
    words after it are not what it measures.

    >>> referred_concepts("It will boost the driving range by about 35 miles.", 41, 49)
    ['driving range']
    >>> referred_concepts("Chris Wood has scored 22 goals this season.", 22, 30, counted=True)
    ['Chris Wood']
    >>> referred_concepts("Tesla jumped 8.5% and Starbucks gained 3.5%.", 39, 43)
    ['Starbucks']
    >>> referred_concepts("It rose 5%.", 8, 10)
    []
    """
    sent = sentence(text)
    a, b = clause_of(sent, start, end)
    i, j = sent.token_span(start, end)
    clause = [k for k, t in enumerate(sent.tokens) if a <= t.start and t.end <= b]
    if not clause:
        return []
    first, last = clause[0], clause[-1]
    out = []
    for phrase in (_measured_phrase(sent, first, i), "" if counted else _following_phrase(sent, j, last),
                   _subject(sent, first, i)):
        if phrase and not any(phrase in seen or seen in phrase for seen in out):
            out.append(phrase)
    return out


def _following_phrase(sent: Sentence, j: int, last: int) -> str:
    """Nouns right after the figure ("a 0.6 per cent fee", "1520 sq m medical centre")."""
    function = _words()[0]
    phrase: list[Token] = []
    for k in range(j, last + 1):
        tok = sent.tokens[k]
        if tok.text in _PUNCT_STOPS or _is_verb(tok.text):
            break
        if tok.lower in function:
            if not phrase:
                break
            continue
        if not _is_nounish(tok.text):
            break
        phrase.append(tok)
        if len(phrase) == 4:
            break
    return " ".join(_content(phrase))


def _measured_phrase(sent: Sentence, first: int, i: int) -> str:
    """The noun phrase right before the figure, across "of", "by", "at", "to" and qualifiers."""
    function = _words()[0]
    k = i - 1
    crossed = False
    while k >= first and sent.tokens[k].lower in function:
        crossed = True
        k -= 1
    if not crossed:
        return ""
    phrase: list[Token] = []
    while k >= first:
        tok = sent.tokens[k]
        if tok.text in _PUNCT_STOPS or _is_verb(tok.text) or tok.lower in function:
            break
        phrase.insert(0, tok)
        k -= 1
    return " ".join(_content(phrase))


def _subject(sent: Sentence, first: int, i: int) -> str:
    """The noun phrase before the last verb ahead of the figure: "Starbucks gained 3.5%"; with no
    verb ahead, the clause's opening words ("Spot gold ... at $1,271.2")."""
    verb = next((k for k in range(i - 1, first - 1, -1) if _is_verb(sent.tokens[k].text)), None)
    phrase: list[Token] = []
    if verb is None:  # no verb ahead: the clause opens with what the figure is about
        for k in range(first, i):
            tok = sent.tokens[k]
            if tok.text in _PUNCT_STOPS:
                break
            phrase.append(tok)
        verb = first  # nothing more to read leftwards
    for k in range(verb - 1, first - 1, -1):
        tok = sent.tokens[k]
        if tok.text in _PUNCT_STOPS or _is_verb(tok.text):
            break
        # "and" joins subjects ("Urban Outfitters and Ross were down"), unless it follows a figure.
        if tok.lower == "and" and k > first and any(ch.isdigit() or ch == "%" for ch in sent.tokens[k - 1].text):
            break
        phrase.insert(0, tok)
    words = _content(phrase)
    if not words or all(w.lower() in _words()[2] for w in words):
        return ""
    return " ".join(words)
