"""Words that name events: the nouns that make "the Singapore summit" or "the Hanoi
collapse" an event mention without a date, and the families that let "summit",
"meeting" and "met" match across articles."""

from __future__ import annotations

# Nouns that denote a happening (or its outcome) and so can head a place-named
# event: "the <place> <noun>", "the <noun> in/at <place>".
EVENT_NOUNS = frozenset({
    "summit", "meeting", "talk", "talks", "negotiation", "conference", "visit", "trip", "tour",
    "election", "vote", "referendum", "poll", "debate", "rally", "protest", "demonstration",
    "march", "riot", "uprising", "revolution", "coup", "attack", "bombing", "shooting",
    "massacre", "explosion", "blast", "raid", "strike", "airstrike", "invasion", "battle",
    "siege", "crash", "earthquake", "quake", "flood", "fire", "spill", "disaster", "accident",
    "collapse", "breakdown", "ceremony", "funeral", "parade", "trial", "hearing", "games",
    "olympics", "championship", "final", "agreement", "accord", "deal", "treaty", "declaration",
    "crisis", "standoff", "ceasefire", "truce", "outbreak", "launch", "test",
})

# Lemma -> family: words that report the same kind of happening.
FAMILIES = {
    "summit": "meet", "meeting": "meet", "talk": "meet", "talks": "meet",
    "agreement": "agree", "accord": "agree", "deal": "agree",
    "visit": "visit", "trip": "visit", "tour": "visit",
    "election": "elect", "vote": "elect",
    "demonstration": "protest",
    "attack": "attack", "bombing": "attack", "blast": "attack", "explosion": "attack",
    "quake": "earthquake", "airstrike": "strike",
    "breakdown": "collapse",
}


def family(lemma: str) -> str:
    return FAMILIES.get(lemma, lemma)


# Keywords (after folding into families) that name a kind of happening.
EVENT_WORDS = frozenset({family(n) for n in EVENT_NOUNS} | set(FAMILIES.values()) | {"meet"})
