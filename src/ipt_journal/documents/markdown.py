"""Markdown for documents: journal text escaped so it stays text (no links, HTML or markup)."""

from __future__ import annotations

from ipt_journal.documents.blocks import Block, Heading, Items, Paragraph, Table
from ipt_journal.text.safe_text import markdown, on_one_line


def text(value: str) -> str:
    """Journal text as literal Markdown on one line (a list item or a table cell), its
    paragraphs apart (`safe_text.on_one_line`): the one escaping every Markdown output uses,
    `safe_text.markdown`."""
    return markdown(on_one_line(str(value)))


def render(title: str, content: list[Block], recipient: str | None = None) -> str:
    lines = [f"# {text(title)}", ""]
    if recipient:
        lines += [f"For {text(recipient)}", ""]
    for block in content:
        if isinstance(block, Heading):
            lines += [f"{'#' * block.level} {text(block.text)}", ""]
        elif isinstance(block, Paragraph):
            body = text(block.text)
            lines += [f"**{body}**" if block.emphasis else body, ""]
        elif isinstance(block, Items):
            lines += [f"- {text(item)}" for item in block.items] + [""]
        elif isinstance(block, Table):
            lines += [f"*{text(block.caption)}*", "", table(block.headers, block.rows, block.numeric), ""]
        # A Chart's numbers are in the table beside it; a PageBreak is for paper only.
    return "\n".join(lines).rstrip() + "\n"


def table(headers: list[str], rows: list[list[str]], numeric: set[int] | frozenset[int] = frozenset()) -> str:
    rule = ["---:" if index in numeric else "---" for index in range(len(headers))]
    out = ["| " + " | ".join(text(h) for h in headers) + " |", "| " + " | ".join(rule) + " |"]
    out += ["| " + " | ".join(text(cell) for cell in row) + " |" for row in rows]
    return "\n".join(out)
