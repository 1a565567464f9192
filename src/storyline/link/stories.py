"""Stories: articles grouped as they arrive by online clustering (after Miranda et al.,
EMNLP 2018, "Multilingual clustering of streaming news").

Each article becomes a sparse TF-IDF vector over its content-word stems and its
registry entity ids (``e:<id>``), cut to its heaviest terms and L2-normalised. It is
compared with each candidate story's centroid (the sum of its members' vectors) part by
part, as Miranda et al. compare words and entities apart: the similarity is a mix of the
cosine of the word parts and the cosine of the entity parts, damped (never cut off) when
the article lies far outside the story's time span. The article joins the most similar
story when that similarity reaches a threshold and its words alone are close enough (a
teaser that names the same leader but reports another matter stays apart), and founds a
new story otherwise. Comparing the parts apart keeps a long-running story about the same
people and matter together when its articles name many people (their names would
otherwise outweigh the words they share), while a shared name alone is not enough. A
story split off a page holding several (a teaser) must share more words (``teaser_words``)
to join: its names say nothing of its matter. The IDF is kept up to date in the store (a
batch vectoriser such as scikit-learn's would have to be refitted on the whole store), and
candidate stories are only those weighing one of the article's heaviest terms most (an
index look-up per term), so the cost per article does not grow with the store.
A story keeps its id as it grows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from snowballstemmer import stemmer

from ..store.stories import StoryOverlap
from ..text.terms import CONTENT_WORD, STOPWORDS, stems
from ..types import DateValue, try_date_value

__all__ = ["StoryClusterer", "StoryParams", "article_vector", "assign_stored", "stems", "story_similarity"]

_STEM = stemmer("english")


@dataclass(frozen=True, slots=True)
class StoryParams:
    threshold: float = 0.10  # least similarity to join a story
    entity_share: float = 0.5  # part of the similarity from the entity cosine (the rest: words)
    min_words: float = 0.08  # least cosine of the word parts (sharing names is not sharing a matter)
    teaser_words: float = 0.2  # ... for a story split off a page holding several (its content must join)
    top_terms: int = 60  # terms kept per article vector
    probe_terms: int = 10  # heaviest terms used to find candidate stories
    per_term: int = 12  # candidate stories per probe term
    keep_terms: int = 300  # terms kept per story centroid
    title_weight: int = 3  # a title word counts this many times
    entity_weight: float = 1.5  # entity terms weigh this much more than words
    window_days: int = 400  # no time damping within this distance of a story's span
    half_life_days: int = 3000  # beyond it, similarity halves every this many days


class StoryStore(Protocol):
    """What clustering reads and writes (``Store.stories`` implements it)."""

    def story_documents(self) -> int: ...
    def story_dfs(self, terms: list[str]) -> dict[str, int]: ...
    def stories_with_term(self, term: str, limit: int) -> list[int]: ...
    def story_overlaps(self, story_ids: list[int], terms: list[str]) -> dict[int, StoryOverlap]: ...
    def add_story_dfs(self, terms: list[str]) -> None: ...
    def create_story(self) -> int: ...
    def add_story_member(
        self, story_id: int, article_id: int, similarity: float, vector: dict[str, tuple[str, float]],
        keep_terms: int,
    ) -> None: ...


def term_counts(
    title: str, text: str, entities: list[tuple[int, str, int]], params: StoryParams
) -> dict[str, tuple[str, float]]:
    """term -> (how it reads, count): stems of content words (title words counted
    ``title_weight`` times) and entity ids with their mention counts."""
    counts: dict[str, tuple[str, float]] = {}
    for chunk, weight in ((title, params.title_weight), (text, 1)):
        for match in CONTENT_WORD.finditer(chunk):
            word = match.group().lower().strip("'-")
            if len(word) < 3 or word in STOPWORDS:
                continue
            stem = _STEM.stemWord(word)
            seen, n = counts.get(stem, (word, 0.0))
            counts[stem] = (seen, n + weight)
    for entity_id, name, mentions in entities:
        counts[f"e:{entity_id}"] = (name, float(max(mentions, 1)))
    return counts


def article_vector(
    counts: dict[str, tuple[str, float]], dfs: dict[str, int], documents: int, params: StoryParams
) -> dict[str, tuple[str, float]]:
    """The L2-normalised TF-IDF vector of the ``top_terms`` heaviest terms."""
    weights = {}
    for term, (word, n) in counts.items():
        idf = math.log((documents + 1) / (dfs.get(term, 0) + 1)) + 1.0
        boost = params.entity_weight if term.startswith("e:") else 1.0
        weights[term] = (word, (1.0 + math.log(n)) * idf * boost)
    top = sorted(weights.items(), key=lambda kv: (-kv[1][1], kv[0]))[: params.top_terms]
    norm = math.sqrt(sum(w * w for _, (_, w) in top)) or 1.0
    return {term: (word, w / norm) for term, (word, w) in top}


def time_factor(
    published: DateValue | None, first: str | None, last: str | None, params: StoryParams
) -> float:
    """1 within ``window_days`` of the story's span, halving every ``half_life_days`` beyond."""
    lo, hi = try_date_value((first or "")[:10]), try_date_value((last or "")[:10])
    if published is None or lo is None or hi is None:
        return 1.0
    gap = _gap(published.start, lo.start, hi.end) - params.window_days
    return 1.0 if gap <= 0 else 0.5 ** (gap / params.half_life_days)


def _gap(day: date, first: date, last: date) -> int:
    if day < first:
        return (first - day).days
    if day > last:
        return (day - last).days
    return 0


class StoryClusterer:
    """Assigns articles to stories in ``store`` one at a time (the caller holds the transaction)."""

    def __init__(self, store: StoryStore, params: StoryParams | None = None) -> None:
        self.store = store
        self.params = params or StoryParams()

    def assign(
        self,
        article_id: int,
        title: str,
        text: str,
        published: DateValue | None,
        entities: list[tuple[int, str, int]],
        copy_of: int | None = None,
        teaser: bool = False,
    ) -> int:
        """Put the article in a story and return the story's id. ``entities`` are its
        (registry id, name, mentions); ``copy_of``: the story of the article it copies;
        ``teaser``: it was split off a page whose main story is another article."""
        p, store = self.params, self.store
        counts = term_counts(title, text, entities, p)
        terms = sorted(counts)
        vector = article_vector(counts, store.story_dfs(terms), store.story_documents(), p)
        store.add_story_dfs(terms)
        story, similarity = (copy_of, 1.0) if copy_of is not None else self._best(vector, published, teaser)
        if story is None:
            story, similarity = store.create_story(), 1.0
        store.add_story_member(story, article_id, round(similarity, 4), vector, p.keep_terms)
        return story

    def _best(
        self, vector: dict[str, tuple[str, float]], published: DateValue | None, teaser: bool
    ) -> tuple[int | None, float]:
        p = self.params
        least_words = p.teaser_words if teaser else p.min_words
        probes = list(vector)[: p.probe_terms]  # the vector is ordered heaviest first
        candidates = sorted({s for term in probes for s in self.store.stories_with_term(term, p.per_term)})
        best: tuple[int | None, float] = (None, 0.0)
        words_norm, names_norm = _part_norms(vector)
        for story, overlap in self.store.story_overlaps(candidates, list(vector)).items():
            damping = time_factor(published, overlap.first, overlap.last, p)
            words, score = story_similarity(vector, overlap, words_norm, names_norm, p)
            words, score = words * damping, score * damping
            if score >= p.threshold and words >= least_words and score > best[1]:
                best = (story, score)
        return best


def _part_norms(vector: dict[str, tuple[str, float]]) -> tuple[float, float]:
    """Lengths of a vector's word part and entity part."""
    words = sum(w * w for t, (_, w) in vector.items() if not t.startswith("e:"))
    names = sum(w * w for t, (_, w) in vector.items() if t.startswith("e:"))
    return math.sqrt(words), math.sqrt(names)


def story_similarity(
    vector: dict[str, tuple[str, float]], story: StoryOverlap, words_norm: float, names_norm: float,
    params: StoryParams,
) -> tuple[float, float]:
    """(cosine of the word parts, similarity) of an article's vector and a story's centroid:
    the similarity mixes the word and entity cosines by ``entity_share``, or is the word
    cosine alone when either side names no entity."""
    dot_words = sum(w * vector[t][1] for t, w in story.weights.items() if not t.startswith("e:"))
    dot_names = sum(w * vector[t][1] for t, w in story.weights.items() if t.startswith("e:"))
    words = dot_words / (words_norm * story.word_norm) if words_norm and story.word_norm else 0.0
    if not (names_norm and story.entity_norm):
        return words, words
    names = dot_names / (names_norm * story.entity_norm)
    return words, (1 - params.entity_share) * words + params.entity_share * names


class StoredStoryStore(StoryStore, Protocol):
    """What re-clustering the stored articles reads besides (``Store.stories`` implements it)."""

    def articles_without_story(self) -> list[int]: ...
    def story_material(
        self, article_id: int
    ) -> tuple[str, str, str | None, list[tuple[int, str, int]], int]: ...
    def story_of(self, article_id: int) -> int: ...
    def story_of_article(self, article_id: int) -> int | None: ...


def assign_stored(store: StoredStoryStore, clusterer: StoryClusterer) -> int:
    """Cluster the stored articles that are in no story yet (stores made before stories
    existed, or after ``clear_stories``), in publication order. Returns how many."""
    todo = store.articles_without_story()
    for article_id in todo:
        title, text, published, entities, part = store.story_material(article_id)
        original = store.story_of(article_id)  # near-duplicate group: its first article
        copy_of = store.story_of_article(original) if original != article_id else None
        clusterer.assign(article_id, title, text, try_date_value(published), entities, copy_of, part > 0)
    return len(todo)
