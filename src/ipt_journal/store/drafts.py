"""Drafts of exercises stopped part way (the grief exercise keeps what was written)."""

import json
from typing import NamedTuple

from ipt_journal.store.repository import Repository, now


class Draft(NamedTuple):
    kind: str
    person: str | None
    answers: dict
    updated_at: str


class DraftStore(Repository):
    def get(self, kind: str) -> Draft | None:
        row = self._one(
            "SELECT d.kind, p.name AS person, d.answers, d.updated_at FROM exercise_drafts d "
            "LEFT JOIN people p ON p.id = d.person_id WHERE d.kind = ?",
            (kind,),
        )
        if row is None:
            return None
        return Draft(row["kind"], row["person"], json.loads(row["answers"]), row["updated_at"])

    def keep(self, kind: str, person: str | None, answers: dict) -> None:
        """Keep (or replace) the draft of `kind`, in its own transaction."""
        person_id = self.journal.people.named(person).id if person else None
        stamp = now()
        with self.journal.writing():
            self.conn.execute(
                "INSERT INTO exercise_drafts (kind, person_id, answers, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind) DO UPDATE SET person_id = excluded.person_id, "
                "answers = excluded.answers, updated_at = excluded.updated_at",
                (kind, person_id, json.dumps(answers, ensure_ascii=False), stamp, stamp),
            )

    def discard(self, kind: str) -> None:
        """Inside the caller's transaction (the exercise that finished it is saved with it)."""
        self.conn.execute("DELETE FROM exercise_drafts WHERE kind = ?", (kind,))
