"""An article's publication date, and how it was known: the one place that decides.

Precedence, first that applies wins:

1. ``user``: the date given with ``--published`` (``Overrides.published``);
2. ``user``: the date a manifest gives the file (for a second story on a page, only
   ``inferred``: the page's date is not necessarily the story's);
3. ``metadata``: the input's own metadata (HTML meta tags, feed fields, a ``Date:`` header);
4. ``text``: a date line in the story's body;
5. ``inferred``: estimated from the dates the text mentions (``temporal.dct``);
6. ``unknown``: none of these.

``clean`` reports what the document says about itself (3 and 4, with their basis); this
module applies the user's word over it and estimates what is still undated.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from ..errors import InputError
from ..read.manifest import Manifest, ManifestEntry
from ..types import Article, DateValue, PublishedBasis

__all__ = ["Estimator", "Overrides", "dated", "manifest_entry"]

# an estimate of the publication date from the text (value and the evidence), or InputError
Estimator = Callable[[str], tuple[DateValue, str]]


@dataclass(frozen=True, slots=True)
class Overrides:
    """What the user said about the files given: it wins over what the files say."""

    published: DateValue | None = None
    source: str | None = None
    manifest: Manifest | None = None


def manifest_entry(path: str, manifests: list[Manifest]) -> ManifestEntry | None:
    """The first manifest row naming the file ``path`` came from (``#part`` suffix ignored)."""
    file_path = path.split("#", 1)[0]
    return next((e for m in manifests if (e := m.lookup(file_path)) is not None), None)


def dated(
    article: Article, overrides: Overrides, entry: ManifestEntry | None, estimate: Estimator
) -> Article:
    """``article`` with its publication date chosen by the precedence above."""
    if overrides.published is not None:
        return _with(article, overrides.published, PublishedBasis.USER, "given with --published")
    if entry is not None:
        if article.part:  # another story on the page: its date is only inferred from the page
            return _with(article, entry.published, PublishedBasis.INFERRED,
                         f"printed on a page dated {entry.published.value}")
        return _with(article, entry.published, PublishedBasis.USER, f"manifest: {entry.published.value}")
    if article.published is not None:  # metadata or text, as clean found it
        return article
    try:
        value, evidence = estimate(article.text)
    except InputError:
        return article
    return _with(article, value, PublishedBasis.INFERRED, evidence)


def _with(article: Article, value: DateValue, basis: PublishedBasis, evidence: str) -> Article:
    return replace(article, published=value, published_basis=basis, published_evidence=evidence)
