"""Full-text search over every note in the journal (SQLite FTS5).

`SOURCES` is the one list of searchable records. Each gets an FTS5 table `<table>_fts`
(one column, `body`, rowid = the record's id) that triggers keep in step with its table,
and with the child table whose words belong to it (a check-in's tags); migrations m009,
m014 and m018 create both for every source whose table exists. A new record type is one
more `SearchSource` here, plus a migration that calls `fts_statements` for it (as m014
does: only where the FTS table is not there yet); a source whose body changes gets its
index built again (`drop_fts_statements`, then `fts_statements`, as m018 does).
"""

import re
from typing import NamedTuple

from ipt_journal.clinical.vocab import REVIEW_ANSWERS
from ipt_journal.store.repository import Repository

# Porter stemming, so "walking" finds "walk"; accents folded, so "cafe" finds "café".
TOKENIZE = "porter unicode61 remove_diacritics 2"
MARK_START, MARK_END = "\x02", "\x03"  # around each matching word in a snippet; never in notes
_BLANK_LINES = re.compile(r"\n\s*\n")
# Where a snippet leaves words out, before or after: each screen says it its own way ("…" on
# a terminal, words with --plain, where a screen reader would read out a symbol).
MARK_CUT = "\x04"


class ChildWords(NamedTuple):
    """Words kept in a child table that belong to the parent record's body: a check-in's
    tags, each written with a "#" so a snippet shows it is a tag ("#movies / tv")."""

    table: str
    parent: str  # the column naming the parent's id
    column: str
    mark: str = "#"


class SearchSource(NamedTuple):
    kind: str  # as the person reads it: "check-in"
    table: str
    columns: tuple[str, ...] = ()  # text columns, searched together
    json_columns: tuple[str, ...] = ()  # JSON columns whose text values are searched
    children: tuple[ChildWords, ...] = ()  # words kept in child tables (a check-in's tags)
    day: str = "t.day"  # SQL over the record's row (alias t) for the day shown with it
    show: str = ""  # the command that shows the whole record

    @property
    def one_text(self) -> bool:
        """Its body is one piece of writing (a note, and a check-in's tags after it), so a
        blank line in it is the writer's paragraph break (a Daylio note's title and text);
        in a body of several fields it is only an empty field between two."""
        return len(self.columns) == 1 and not self.json_columns

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    def body(self, row: str) -> str:
        """SQL for the searchable text of `row` ('new', 'old' or a table alias)."""
        parts = [f"coalesce({row}.{column}, '')" for column in self.columns]
        parts += [
            f"coalesce((SELECT group_concat(value, char(10)) FROM json_tree({row}.{column}) "
            "WHERE type = 'text'), '')"
            for column in self.json_columns
        ]
        # In the child's primary-key order (a check-in's tags alphabetically, by its index).
        parts += [
            f"coalesce((SELECT group_concat('{child.mark}' || {child.column}, '  ') "
            f"FROM {child.table} WHERE {child.parent} = {row}.id), '')"
            for child in self.children
        ]
        return " || char(10) || ".join(parts)


SOURCES = (
    # A check-in is found by its note and by its tags (m018), one hit either way.
    SearchSource(
        "check-in",
        "checkins",
        ("note",),
        children=(ChildWords("checkin_tags", "checkin_id", "tag"),),
        show="ipt checkin show ID",
    ),
    SearchSource("exercise", "exercises", json_columns=("answers",), show="ipt exercise show ID"),
    SearchSource(
        "homework",
        "homework",
        ("text", "outcome"),
        day="coalesce(t.closed_on, t.due, substr(t.created_at, 1, 10))",
        show="ipt homework list --all",
    ),
    SearchSource(
        "review",
        "reviews",
        REVIEW_ANSWERS,
        show="ipt review --show",
    ),
    # An event known only by its month shows as the month, as `ipt event list` says it.
    SearchSource(
        "event",
        "events",
        ("note",),
        day="CASE WHEN t.approximate THEN substr(t.day, 1, 7) ELSE t.day END",
        show="ipt event list",
    ),
    SearchSource(
        "session", "therapy_sessions", ("with_whom", "worked_on", "agreed"), show="ipt session list"
    ),
    SearchSource("bring", "bring_items", ("text",), day="t.added_on", show="ipt bring list --all"),
    # Added by m014: the inventory's answers, the course's own words, goals and both plans.
    SearchSource(
        "person",
        "people",
        (
            "name",
            "together",
            "satisfying",
            "unsatisfying",
            "their_expectations",
            "my_expectations",
            "disagreements",
            "can_talk_about",
            "cannot_talk_about",
            "change",
            "notes",
        ),  # fmt: skip
        day="substr(t.updated_at, 1, 10)",
        show="ipt inventory show NAME",
    ),
    SearchSource(
        "course", "courses", ("reason", "background", "formulation"), day="t.started_on", show="ipt course"
    ),
    SearchSource(
        "goal",
        "goals",
        ("text",),
        day="coalesce(t.set_on, substr(t.created_at, 1, 10))",
        show="ipt goals list",
    ),
    SearchSource(
        "safety-plan",
        "safety_plan_items",
        ("text",),
        day="substr(t.updated_at, 1, 10)",
        show="ipt safety-plan",
    ),
    SearchSource(
        "staying-well",
        "staying_well",
        ("warning_signs", "what_i_will_do", "whom_i_tell", "when_to_contact"),
        day="substr(t.updated_at, 1, 10)",
        show="ipt staying-well",
    ),
    # Added by m015: what happened with someone, one line per person of a check-in.
    SearchSource(
        "incident",
        "incidents",
        ("what_happened",),
        day="(SELECT c.day FROM checkins c WHERE c.id = t.checkin_id)",
        show="ipt exercise start communication-analysis --from-incident ID",
    ),
)


TRIGGERS = ("insert", "delete", "update")


def fts_statements(source: SearchSource) -> list[str]:
    """The FTS table, its triggers, and the filling of it from the rows already there."""
    insert = f"INSERT INTO {source.fts} (rowid, body) VALUES (new.id, {source.body('new')});"
    delete = f"DELETE FROM {source.fts} WHERE rowid = old.id;"
    statements = [
        f"CREATE VIRTUAL TABLE {source.fts} USING fts5(body, tokenize = '{TOKENIZE}')",
        f"CREATE TRIGGER {source.fts}_insert AFTER INSERT ON {source.table} BEGIN {insert} END",
        f"CREATE TRIGGER {source.fts}_delete AFTER DELETE ON {source.table} BEGIN {delete} END",
        f"CREATE TRIGGER {source.fts}_update AFTER UPDATE ON {source.table} BEGIN {delete} {insert} END",
    ]
    for child in source.children:
        # A child row written or removed indexes its parent again, whole. When the parent
        # itself is being deleted (the cascade), the SELECT finds no parent and adds nothing.
        for event in TRIGGERS:
            rows = {"insert": ["new"], "delete": ["old"], "update": ["old", "new"]}[event]
            again = " ".join(
                f"DELETE FROM {source.fts} WHERE rowid = {row}.{child.parent}; "
                f"INSERT INTO {source.fts} (rowid, body) SELECT id, {source.body('p')} "
                f"FROM {source.table} p WHERE p.id = {row}.{child.parent};"
                for row in rows
            )
            statements.append(
                f"CREATE TRIGGER {child_trigger(source, child, event)} AFTER {event.upper()} "
                f"ON {child.table} BEGIN {again} END"
            )
    statements.append(
        f"INSERT INTO {source.fts} (rowid, body) SELECT id, {source.body(source.table)} FROM {source.table}"
    )
    return statements


def child_trigger(source: SearchSource, child: ChildWords, event: str) -> str:
    return f"{source.fts}_{child.table}_{event}"


def drop_fts_statements(source: SearchSource) -> list[str]:
    """What removes a source's FTS table and every trigger that fills it, so its index can
    be built again with a new body."""
    names = [f"{source.fts}_{event}" for event in TRIGGERS]
    names += [child_trigger(source, child, event) for child in source.children for event in TRIGGERS]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in names] + [f"DROP TABLE IF EXISTS {source.fts}"]


OPERATORS = {"AND", "OR", "NOT", "NEAR"}  # FTS5's, in capitals; a left-over one is dropped


class Hit(NamedTuple):
    kind: str
    id: int
    day: str | None
    snippet: str  # the matching words between MARK_START and MARK_END; MARK_CUT where words are left out


def plain_words(text: str, prefix: bool = False) -> str:
    """`text` as an FTS5 query of its words, each quoted: no operator, quote or bracket in it
    can be a syntax error. With `prefix`, each word also matches longer words."""
    words = [
        '"' + word.replace('"', '""') + '"'
        for word in text.split()
        if any(c.isalnum() for c in word) and word not in OPERATORS
    ]
    return " ".join(word + ("*" if prefix else "") for word in words)


def _tags_once(snippet: str) -> str:
    """Each of a check-in's tags once: a one-line check-in keeps "#home" in its note, and
    the tag is in the tags line after it too. The note's own stays, where it was written."""
    note, newline, tags = snippet.rpartition("\n")
    if not newline:
        return snippet
    cut = tags.endswith(MARK_CUT)
    written = _unmarked(note)
    kept = [
        tag
        for tag in tags.removesuffix(MARK_CUT).split("  ")
        if not re.search(rf"(?<![\w#]){re.escape(_unmarked(tag))}(?!\w)", written, re.IGNORECASE)
    ]
    if not any(tag.strip() for tag in kept):
        return note + (MARK_CUT if cut else "")
    return f"{note}\n{'  '.join(kept)}" + (MARK_CUT if cut else "")


def _unmarked(text: str) -> str:
    return text.replace(MARK_START, "").replace(MARK_END, "").replace(MARK_CUT, "")


class SearchStore(Repository):
    def sources(self) -> list[SearchSource]:
        """The sources whose FTS table exists in this journal."""
        tables = {row[0] for row in self._all("SELECT name FROM sqlite_master WHERE type = 'table'")}
        return [source for source in SOURCES if source.fts in tables]

    def search(self, text: str, kinds: list[str] | None = None, limit: int | None = None) -> list[Hit]:
        """Records whose text matches `text`, newest first. `text` is FTS5 query syntax
        ("exact phrase", OR, NOT, prefix*); when it is not valid syntax, its plain words."""
        sources = {s.kind: s for s in self.sources() if not kinds or s.kind in kinds}
        if not sources or not plain_words(text):
            return []  # nothing to search, or nothing in `text` a note could hold
        try:
            return self._matches(sources, text, limit)
        except self.journal.refused:  # not FTS5 syntax (a stray quote, a lone NOT): its plain words
            return self._matches(sources, plain_words(text), limit)

    def _matches(self, sources: dict[str, SearchSource], query: str, limit: int | None) -> list[Hit]:
        # Which records, newest first, then snippets for only those shown: a snippet costs
        # far more than a match, and a common word matches thousands of notes.
        found = " UNION ALL ".join(
            f"SELECT '{s.kind}' AS kind, t.id AS id, {s.day} AS day "
            f"FROM {s.fts} JOIN {s.table} t ON t.id = {s.fts}.rowid WHERE {s.fts} MATCH :query"
            for s in sources.values()
        )
        rows = self._all(
            f"{found} ORDER BY day DESC, id DESC" + (f" LIMIT {int(limit)}" if limit else ""),
            {"query": query},
        )
        snippets: dict[tuple[str, int], str] = {}
        for kind, source in sources.items():
            ids = [row["id"] for row in rows if row["kind"] == kind]
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                for row in self._all(
                    f"SELECT rowid, snippet({source.fts}, 0, '{MARK_START}', '{MARK_END}', '{MARK_CUT}', 16) "
                    f"FROM {source.fts} WHERE {source.fts} MATCH ? AND rowid IN ({marks})",
                    [query, *chunk],
                ):
                    # Screens show a snippet's paragraphs apart (safe_text.on_one_line): only
                    # those the person wrote, never an empty field between two.
                    snippet = row[1] if source.one_text else _BLANK_LINES.sub("\n", row[1])
                    snippets[(kind, row[0])] = _tags_once(snippet) if source.children else snippet
        return [
            Hit(row["kind"], row["id"], row["day"], snippets.get((row["kind"], row["id"]), ""))
            for row in rows
        ]

    def forget_deleted(self) -> None:
        """Merge each FTS index, so the words of deleted records leave the file too."""
        for source in self.sources():
            self.conn.execute(f"INSERT INTO {source.fts} ({source.fts}) VALUES ('optimize')")
