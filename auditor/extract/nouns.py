"""The counted noun after a figure: "378 residential high-rise buildings" -> "residential
high-rise building".

No part-of-speech tagger can be installed offline, so the noun phrase is read with closed word
classes from ``rules/vocabulary/countable.yaml`` and lemminflect's lexicon: modifiers are words
that are not function words or verbs, and the phrase ends at its head noun (the first plural
noun after a figure above one, the last noun of a run after "one" or "a").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas, getLemma

from auditor.resources import vocabulary

MAX_WORDS = 5  # a counted noun phrase longer than this is a clause, not a noun


@dataclass(frozen=True)
class Token:
    """One token of the normalized text: kind is "num", "word" or "sym"."""

    text: str
    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class NounPhrase:
    """A counted noun: ``end`` is the index after its last token."""

    end: int
    noun: str
    modifiers: tuple[str, ...]
    head: str


@dataclass(frozen=True)
class _Vocab:
    stop: frozenset[str]
    invariant: frozenset[str]
    article_nouns: frozenset[str]
    pronoun_one: frozenset[str]
    after_one: frozenset[str]
    article_not_after: frozenset[str]
    demonyms: frozenset[str]
    demonyms_invariant: frozenset[str]
    superlatives: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def countable() -> _Vocab:
    """The parsed ``countable.yaml``."""
    raw = vocabulary("countable")
    return _Vocab(
        stop=frozenset(str(w).lower() for w in raw["stop_words"]),
        invariant=frozenset(str(w).lower() for w in raw["plural_invariant"]),
        article_nouns=frozenset(str(w).lower() for w in raw["article_nouns"]),
        pronoun_one=frozenset(str(w).lower() for w in raw["pronoun_one"]),
        after_one=frozenset(str(w).lower() for w in raw["after_one_not_count"]),
        article_not_after=frozenset(str(w).lower() for w in raw.get("article_not_after", [])),
        demonyms=frozenset(str(w).lower() for w in raw.get("demonyms", [])),
        demonyms_invariant=frozenset(str(w).lower() for w in raw.get("demonyms_invariant", [])),
        superlatives=frozenset(str(w).lower() for w in raw.get("superlative_words", [])),
    )


@lru_cache(maxsize=8192)
def is_superlative(word: str) -> bool:
    """True for "biggest", "deadliest", "most": an adjective's superlative.

    >>> [is_superlative(w) for w in ("deadliest", "worst", "forest", "big")]
    [True, True, False, False]
    """
    low = word.lower()
    if low in countable().superlatives:
        return True
    if not low.endswith("est") or len(low) < 5:
        return False
    lemmas = getAllLemmas(low).get("ADJ", ())
    return any(lemma != low for lemma in lemmas)


@lru_cache(maxsize=65536)
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    return getAllLemmas(word)


@lru_cache(maxsize=65536)
def _oov_lemma(word: str) -> str:
    found = getLemma(word, upos="NOUN", lemmatize_oov=True)
    return found[0] if found else word


def noun_lemma(word: str) -> str:
    """The singular of a noun, keeping words lemminflect does not know as they are.

    >>> noun_lemma("attacks"), noun_lemma("people"), noun_lemma("high-rise")
    ('attack', 'people', 'high-rise')
    """
    if "-" in word:
        head, _, last = word.rpartition("-")
        return f"{head}-{noun_lemma(last)}"
    found = _lemmas(word).get("NOUN") or _lemmas(word.lower()).get("NOUN")
    if not found:
        return _oov_lemma(word) if word.islower() and is_plural_noun(word) else word
    lemma = found[0]
    if word.islower() or lemma[:1].isupper():
        return lemma
    return word[: len(lemma)] if word.lower().startswith(lemma.lower()) else word


def is_plural_noun(word: str) -> bool:
    """True for a plural noun form ("drones", "people").

    >>> is_plural_noun("drones"), is_plural_noun("drone"), is_plural_noun("remained")
    (True, False, False)
    """
    w = word.lower()
    if w in countable().invariant:
        return True
    lemmas = _lemmas(w).get("NOUN")
    if lemmas:
        return lemmas[0] != w
    if _lemmas(w):
        return False  # known, but not as a noun
    # Unknown to the lexicon ("survivors", "high-rises"): lemminflect's rules for unknown nouns.
    return w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is")) or (
        "-" in w and w.endswith("s") and not w.endswith("ss")
    )


def is_noun(word: str) -> bool:
    """True when lemminflect knows the word as a noun."""
    return bool(_lemmas(word.lower()).get("NOUN"))


def _is_modifier(tok: Token, first_in_sentence: bool, nxt: Token | None = None) -> bool:
    if tok.kind != "word":
        return False
    w = tok.text.lower()
    if w in countable().stop and not (tok.text.isupper() and len(tok.text) > 1):
        return False  # but "US" in "40 US troops" is a name, not the pronoun
    lemmas = _lemmas(w)
    if lemmas and set(lemmas) <= {"VERB", "AUX", "ADV"}:
        # "targeting", "remained" end the phrase, but a participle before a plural noun is an
        # adjective: "517 rushing yards", "300 recorded songs", "9.3 million shipping containers"
        participle = w.endswith(("ing", "ed")) and nxt is not None and nxt.kind == "word"
        if not (participle and nxt.start == tok.end + 1 and (is_noun(nxt.text) or is_plural_noun(nxt.text))):
            return False
    if w.endswith("ly") and "ADJ" not in lemmas and "NOUN" not in lemmas:
        return False
    return not (first_in_sentence and tok.text[:1].isupper() and not lemmas)


def counted_noun(tokens: list[Token], j: int, plural: bool, text: str = "") -> NounPhrase | None:
    """The counted noun phrase starting at token ``j``, or None when there is none.

    ``plural`` says whether the figure is above one: then the head is the first plural noun.
    For one ("one missile", "a drone attack") the head is the last of a run of nouns.
    """
    words: list[str] = []
    k = j
    while k < len(tokens) and len(words) < MAX_WORDS:
        tok = tokens[k]
        if tok.kind == "word" and tok.text.lower() in ("and", "or") and words:
            # "71 ballistic and cruise missiles": a conjunction inside the modifiers.
            if k + 1 < len(tokens) and _is_modifier(tokens[k + 1], False) and not is_plural_noun(words[-1]):
                words.append(tok.text.lower())
                k += 1
                continue
            break
        if words and tokens[k - 1].end != tok.start - 1:
            break
        dotted = dotted_abbreviation(tokens, k)
        if dotted is not None:
            words.append(dotted[0])  # "61 U.S. citizens": a modifier, never the head
            k = dotted[1]
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if not _is_modifier(tok, False, nxt):
            break
        words.append(tok.text)
        k += 1
        if _is_demonym(tok.text, plural) and not _noun_follows(tokens, k):
            return _phrase(words, k)  # "141 Chinese", "one Japanese": people of that nationality
        if plural and is_plural_noun(tok.text):
            return _phrase(words, k)
        if not plural and is_noun(tok.text) and not is_plural_noun(tok.text):
            if not _compound_goes_on(tokens, k):
                return _phrase(words, k)
    return None


def dotted_abbreviation(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """ "U.S.", "U.K.": single capitals each glued to a full stop, as one word and its end.

    >>> toks = [Token("U", 0, 1, "word"), Token(".", 1, 2, "sym"), Token("S", 2, 3, "word"), Token(".", 3, 4, "sym")]
    >>> dotted_abbreviation(toks, 0)
    ('U.S.', 4)
    """
    end = k
    while (
        end + 1 < len(tokens)
        and tokens[end].kind == "word"
        and len(tokens[end].text) == 1
        and tokens[end].text.isupper()
        and tokens[end + 1].text == "."
        and tokens[end + 1].start == tokens[end].end
        and (end == k or tokens[end].start == tokens[end - 1].end)
    ):
        end += 2
    if end - k < 4:
        return None
    return "".join(t.text for t in tokens[k:end]), end


def _is_demonym(word: str, plural: bool) -> bool:
    """A nationality noun in the number asked for ("Chinese" either way, "Italian" singular)."""
    if not word[:1].isupper():
        return False
    low, vocab = word.lower(), countable()
    return low in vocab.demonyms_invariant or (not plural and low in vocab.demonyms)


def _noun_follows(tokens: list[Token], k: int) -> bool:
    """True when token k goes on the noun phrase: "Chinese *nationals*", "Japanese *tourist*"."""
    if k >= len(tokens) or tokens[k].kind != "word" or tokens[k].start != tokens[k - 1].end + 1:
        return False
    word = tokens[k].text
    if _is_modifier(tokens[k], False) and (is_noun(word) or is_plural_noun(word)):
        return True
    # "two Chinese state-run banks": adjectives, then the noun
    return counted_noun(tokens, k, plural=True) is not None or counted_noun(tokens, k, plural=False) is not None


def _compound_goes_on(tokens: list[Token], k: int) -> bool:
    """After a singular noun, does the noun at k continue a compound ("drone attack")?

    A word that is also a verb and stands before a determiner is the verb of the clause
    ("a drone hit a warehouse"), not the head of a compound.
    """
    if k >= len(tokens) or tokens[k].kind != "word":
        return False
    word = tokens[k].text
    if not is_noun(word) or is_plural_noun(word) or not _is_modifier(tokens[k], False):
        return False
    after = tokens[k + 1].text.lower() if k + 1 < len(tokens) else ""
    is_verb = "VERB" in _lemmas(word.lower())
    return not (is_verb and after in _DETERMINERS)


_DETERMINERS = frozenset("a an the this that these those his her its their our my your some".split())


def _phrase(words: list[str], end: int) -> NounPhrase:
    head = noun_lemma(words[-1])
    mods = tuple(w if not w.islower() else w for w in words[:-1] if w not in ("and", "or"))
    noun = " ".join([*(w for w in words[:-1]), head])
    return NounPhrase(end=end, noun=noun, modifiers=mods, head=head.lower())
