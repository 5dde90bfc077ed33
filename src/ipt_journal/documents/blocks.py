"""The format-neutral pieces a document is made of. Markdown and HTML render the same
blocks, so both say the same thing; journal text stays raw here and each renderer escapes
it for its format."""

from dataclasses import dataclass, field
from typing import NamedTuple

from ipt_journal.documents.charts import Band, Mark, Series


class Heading(NamedTuple):
    text: str
    level: int = 2  # 2: a section; 3: a part of one


class Paragraph(NamedTuple):
    text: str
    emphasis: bool = False


class Items(NamedTuple):
    items: list[str]


@dataclass
class Table:
    caption: str
    headers: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # columns aligned right


@dataclass
class Chart:
    chart_id: str
    title: str
    description: str
    series: list[Series]
    y_max: float
    bands: list[Band] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)  # treatment events on the timeline


class PageBreak(NamedTuple):
    """Where the session summary ends and the case begins: a rule in HTML, nothing in
    Markdown (the headings say it)."""


Block = Heading | Paragraph | Items | Table | Chart | PageBreak


def or_dash(value: int | None, suffix: str) -> str:
    return "–" if value is None else f"{value}{suffix}"
