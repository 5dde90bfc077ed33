"""HTML for documents: one self-contained file, printable on A4 and Letter.

No scripts and nothing fetched: inline CSS and inline SVG only, and a Content-Security-
Policy that forbids anything else. Every piece of journal text is escaped.
"""

from __future__ import annotations

from html import escape

from ipt_journal.documents.charts import line_chart
from ipt_journal.documents.clinician import Block, Chart, Heading, Items, Paragraph, Table

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

# Sized for the smaller of A4 (210 x 297 mm) and Letter (216 x 279 mm): 180 mm of line and
# no more than 249 mm of page, so one layout prints on either without clipping.
STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       color: #111; background: #fff; max-width: 180mm; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.45rem; margin: 0 0 .3rem; }
h2 { font-size: 1.1rem; margin: 1.1rem 0 .35rem; border-bottom: 1px solid #777; }
p, ul { margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .5rem; font-size: .92rem; }
caption { text-align: left; font-style: italic; color: #333; padding-bottom: .15rem; }
th, td { border: 1px solid #999; padding: .15rem .35rem; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num, th.num { text-align: right; }
.strong { font-weight: 600; border-left: 4px solid #111; padding-left: .5rem; }
figure { margin: .3rem 0; }
.chart { width: 100%; max-width: 130mm; height: auto; font: 9px sans-serif; }
.chart text { fill: #111; }
.chart .grid { stroke: #bbb; stroke-width: .5; }
.chart .band { fill: #333; font-size: 8px; }
@page { margin: 14mm 15mm; }
@media print {
  body { font-size: 9.5pt; margin: 0; padding: 0; max-width: none; }
  h2 { break-after: avoid; }
  table, figure, .strong { break-inside: avoid; }
  .chart { max-width: 110mm; }
}
"""


def render(title: str, content: list[Block]) -> str:
    body = [f"<h1>{escape(title)}</h1>"]
    section_open = False
    for block in content:
        if isinstance(block, Heading):
            if section_open:
                body.append("</section>")
            body.append(f"<section><h2>{escape(block.text)}</h2>")
            section_open = True
        elif isinstance(block, Paragraph):
            css = ' class="strong"' if block.emphasis else ""
            body.append(f"<p{css}>{escape(block.text)}</p>")
        elif isinstance(block, Items):
            body.append("<ul>" + "".join(f"<li>{escape(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Table):
            body.append(_table(block))
        elif isinstance(block, Chart):
            svg = line_chart(
                block.chart_id, block.title, block.description, block.series, block.y_max, block.bands
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


def _table(block: Table) -> str:
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
        f"<table><caption>{escape(block.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
