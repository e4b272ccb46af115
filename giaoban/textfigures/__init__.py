"""Reading figures out of Vietnamese narrative reports and articles (plain Python, no Django).

    >>> from giaoban.textfigures import extract_text
    >>> extract_text("Hội LHPN tỉnh tổ chức 558 buổi tuyên truyền.")["figures"][0]["value"]
    558

Modules, each a small parser: ``normalize`` (NFC, tone placement, offsets), ``numbers`` (the
number grammar), ``lexicon`` (qualifiers, units, non-figure contexts), ``figures`` (candidates),
``orgs`` and ``attribution`` (whose figure), ``period``, ``catalogue`` (indicator codes),
``readers`` and ``boilerplate`` (files and web pages). ``meetings`` reads meeting texts (period,
people, tasks) on the same core: one normalizer, one table of organization names, one set of
readers and the period words of ``giaoban.core.periods``.
"""

from .catalogue import default_catalogue
from .engine import PRETICK_CLASSES, extract_file, extract_text
from .readers import ReadError, read_file

__all__ = ["PRETICK_CLASSES", "extract_text", "extract_file", "read_file", "ReadError", "default_catalogue"]
