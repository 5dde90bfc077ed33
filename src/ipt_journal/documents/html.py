"""HTML for documents: one self-contained file, printable on A4 and Letter.

No scripts and nothing fetched: inline CSS and inline SVG only, and a Content-Security-
Policy that forbids anything else. Every piece of journal text is escaped.
"""

from __future__ import annotations

from html import escape

from ipt_journal.documents.blocks import Block, Chart, Heading, Items, PageBreak, Paragraph, Table
from ipt_journal.documents.charts import line_chart
from ipt_journal.text.safe_text import on_one_line

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

# Sized for the smaller of A4 (210 x 297 mm) and Letter (216 x 279 mm): 180 mm of line and
# no more than 249 mm of page, so one layout prints on either without clipping. On paper,
# rows may break between pages but headings and captions stay with what follows them; a
# whole table is never kept together, which left pages half blank.
STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       color: #111; background: #fff; max-width: 180mm; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.45rem; margin: 0 0 .2rem; }
h2 { font-size: 1.1rem; margin: 1rem 0 .3rem; border-bottom: 1px solid #777; }
h3 { font-size: 1rem; margin: .6rem 0 .2rem; }
p, ul { margin: .3rem 0; }
ul { padding-left: 1.3rem; }
.for { margin: 0 0 .4rem; }
.note { font-size: .9rem; color: #333; border: 1px dashed #777; padding: .2rem .4rem; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .5rem; font-size: .92rem; }
p.caption { font-style: italic; color: #333; margin: .4rem 0 .15rem; }
th, td { border: 1px solid #999; padding: .15rem .35rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; }
hr.end-of-summary { border: 0; border-top: 2px solid #111; margin: 1rem 0 .6rem; }
.strong { font-weight: 600; border-left: 4px solid #111; padding-left: .5rem; }
figure { margin: .4rem 0; }
figcaption { font-size: .9rem; color: #333; }
.chart { display: block; width: 100%; height: auto; font: 11px sans-serif; }
.chart text { fill: #111; }
.chart .grid { stroke: #bbb; stroke-width: .5; }
.chart .band { fill: #333; font-size: 10px; }
@page { margin: 14mm 15mm; }
@media print {
  body { font-size: 9.5pt; margin: 0; padding: 0; max-width: none; }
  .screen-only { display: none; }
  h1, h2, h3, p.caption { break-after: avoid; break-inside: avoid; }
  thead { display: table-header-group; break-after: avoid; }
  tbody tr:first-child { break-before: avoid; }
  tr, li, figure, .strong { break-inside: avoid; }
}
"""
PRINT_NOTE = (
    "To print without the browser's own header and footer (the file's name and path, the date), "
    "turn off 'Headers and footers' in the print dialog's settings. This note does not print."
)


def render(title: str, content: list[Block], recipient: str | None = None) -> str:
    body = [f"<h1>{escape(title)}</h1>"]
    # A line the person may fill by hand when they did not name the reader.
    body.append(f'<p class="for">For: {escape(recipient) if recipient else "_" * 24}</p>')
    body.append(f'<p class="note screen-only">{escape(PRINT_NOTE)}</p>')
    section_open = False
    tables = 0
    for block in content:
        if isinstance(block, Heading) and block.level == 2:
            if section_open:
                body.append("</section>")
            body.append(f"<section><h2>{escape(block.text)}</h2>")
            section_open = True
        elif isinstance(block, Heading):
            body.append(f"<h3>{escape(block.text)}</h3>")
        elif isinstance(block, PageBreak):
            if section_open:
                body.append("</section>")
                section_open = False
            # A rule, not a forced page break: a page one a few lines too long would leave
            # the next page almost blank.
            body.append('<hr class="end-of-summary">')
        elif isinstance(block, Paragraph):
            css = ' class="strong"' if block.emphasis else ""
            body.append(f"<p{css}>{escape(block.text)}</p>")
        elif isinstance(block, Items):
            body.append(
                "<ul>" + "".join(f"<li>{escape(on_one_line(item))}</li>" for item in block.items) + "</ul>"
            )
        elif isinstance(block, Table):
            tables += 1
            body.append(_table(block, f"table-{tables}"))
        elif isinstance(block, Chart):
            svg = line_chart(
                block.chart_id,
                block.title,
                block.description,
                block.series,
                block.y_max,
                block.bands,
                block.marks,
            )
            body.append(f"<figure>{svg}<figcaption>{escape(block.title)}</figcaption></figure>")
    if section_open:
        body.append("</section>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )


def _table(block: Table, table_id: str) -> str:
    """The caption is a paragraph naming the table (aria-labelledby) rather than a
    <caption>: Chromium keeps a paragraph with what follows it on paper, but leaves a
    caption alone at the foot of a page."""

    def cell(tag: str, index: int, value: str) -> str:
        css = ' class="num"' if index in block.numeric else ""
        scope = ' scope="col"' if tag == "th" else ""
        return f"<{tag}{scope}{css}>{escape(value)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(block.headers))
    rows = []
    for row in block.rows:
        first = f'<th scope="row">{escape(row[0])}</th>'
        rows.append("<tr>" + first + "".join(cell("td", i, v) for i, v in enumerate(row) if i) + "</tr>")
    return (
        f'<p class="caption" id="{table_id}">{escape(block.caption)}</p>'
        f'<table aria-labelledby="{table_id}">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
