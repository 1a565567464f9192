"""clean: from a raw record to articles (main text and metadata).

``articles``: ``clean(record)``, the articles a record holds (several for a page holding several
stories), and ``clean_text``; ``html``: trafilatura main text and metadata; ``text``: line
normalisation, header blocks, datelines and the content hash; ``boilerplate`` and ``split``:
page furniture out, extra stories split off; ``dates``: publication dates as metadata writes them.
"""

from .articles import clean, clean_text
from .text import content_hash

__all__ = ["clean", "clean_text", "content_hash"]
