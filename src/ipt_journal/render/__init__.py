"""Turning results into what a person reads: Rich tables and text, one module per screen family.

Computing happens elsewhere; these modules only format. Text from the journal is
always wrapped in `Text` so brackets in a note are never read as Rich markup.
Rich honours NO_COLOR and the terminal's width by itself.

Commands import the one module they draw with (`from ipt_journal.render.report import
report`), so this package loads nothing by itself:
- `common`: the console and the formats several screens share
- `dashboard`: `ipt` with no command
- `people`: the inventory table and one person's page
- `checkins`: the check-in table
- `report`: `ipt report`
- `course`: the course, goals, and the look back before a review
- `measures`: the questionnaires taken
- `safety_plan`: the safety plan on screen and as Markdown
- `practice`: breathing, homework and exercises
"""
