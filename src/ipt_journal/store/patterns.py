"""The aggregates the insight screens read: mood by how it went with each person, each
person early against late, the people of each week, time together lately, and mood and
PHQ-9 by month. All computed in SQL over the window asked for; rows out, no judgement."""

from __future__ import annotations

import datetime as dt
import sqlite3

from ipt_journal.store.repository import Repository

# Spearman's rank correlation is Pearson's on ranks, with tied values given the mean of the
# ranks they span: rank() is the first of them, so add half the ties beyond the first.
# Time together whose how-it-went is unknown (quality NULL: imported) counts as contact
# (interactions, early, late) and stays out of every how-it-went figure (rated and after).
_PERSON_FIGURES = """
WITH pairs AS (
    SELECT i.person_id, i.quality AS q, c.mood AS m, c.day
    FROM interactions i JOIN checkins c ON c.id = i.checkin_id
    WHERE c.day BETWEEN :since AND :until
),
ranked AS (
    SELECT person_id, q, m,
           rank() OVER (PARTITION BY person_id ORDER BY q)
               + (count(*) OVER (PARTITION BY person_id, q) - 1) / 2.0 AS rq,
           rank() OVER (PARTITION BY person_id ORDER BY m)
               + (count(*) OVER (PARTITION BY person_id, m) - 1) / 2.0 AS rm
    FROM pairs WHERE q IS NOT NULL
),
links AS (
    SELECT person_id, count(*) AS rated,
           avg(rq * rm) - avg(rq) * avg(rm) AS rank_cov,
           avg(rq * rq) - avg(rq) * avg(rq) AS rank_var_quality,
           avg(rm * rm) - avg(rm) * avg(rm) AS rank_var_mood
    FROM ranked GROUP BY person_id
)
SELECT p.name, p.closeness, count(*) AS interactions, coalesce(links.rated, 0) AS rated,
       (SELECT count(*) FROM checkins WHERE day BETWEEN :since AND :until) AS window_checkins,
       count(CASE WHEN q < 0 THEN 1 END) AS badly, avg(CASE WHEN q < 0 THEN m END) AS badly_mood,
       count(CASE WHEN q = 0 THEN 1 END) AS neither, avg(CASE WHEN q = 0 THEN m END) AS neither_mood,
       count(CASE WHEN q > 0 THEN 1 END) AS well, avg(CASE WHEN q > 0 THEN m END) AS well_mood,
       links.rank_cov, links.rank_var_quality, links.rank_var_mood,
       sum(day < :middle) AS early, count(CASE WHEN day < :middle THEN q END) AS early_rated,
       avg(CASE WHEN day < :middle THEN q END) AS early_quality,
       sum(day >= :middle) AS late, count(CASE WHEN day >= :middle THEN q END) AS late_rated,
       avg(CASE WHEN day >= :middle THEN q END) AS late_quality
FROM pairs JOIN people p ON p.id = pairs.person_id AND p.status != 'deceased'  -- figures are for the living
LEFT JOIN links ON links.person_id = pairs.person_id
GROUP BY p.id
ORDER BY p.closeness IS NULL, p.closeness, interactions DESC, p.name COLLATE NOCASE
"""


class PatternStore(Repository):
    def person_figures(self, since: dt.date, until: dt.date, middle: dt.date) -> list[sqlite3.Row]:
        """Per person seen from `since` to `until`: interactions, and those with a known
        how-it-went (rated); check-ins and mean mood when it went badly (-2/-1), neither (0)
        and well (+1/+2); the covariance and variances of the ranks of how it went and mood
        (over rated ones); and interactions, rated ones and mean quality before `middle` and
        from it."""
        return self._all(
            _PERSON_FIGURES,
            {"since": since.isoformat(), "until": until.isoformat(), "middle": middle.isoformat()},
        )

    def weekly_people(self, since: dt.date) -> list[sqlite3.Row]:
        """Per ISO week (keyed by its Monday) and person: times seen and mean quality (None
        when how it went is unknown every time), the most seen first, then the closest."""
        return self._all(
            """
            SELECT date(c.day, '-' || ((CAST(strftime('%w', c.day) AS INTEGER) + 6) % 7) || ' days')
                       AS monday,
                   p.name, count(*) AS times, avg(i.quality) AS mean_quality
            FROM checkins c JOIN interactions i ON i.checkin_id = c.id
                 JOIN people p ON p.id = i.person_id AND p.status != 'deceased'
            WHERE c.day >= ?
            GROUP BY monday, p.id
            ORDER BY monday, times DESC, p.closeness IS NULL, p.closeness, p.name COLLATE NOCASE
            """,
            (since.isoformat(),),
        )

    def lately(self, since: dt.date) -> dict[int, sqlite3.Row]:
        """Per person seen since `since`: times and mean quality (over those with a known
        how-it-went; None without any), keyed by person id."""
        rows = self._all(
            "SELECT i.person_id, count(*) AS times, avg(i.quality) AS mean_quality "
            "FROM interactions i JOIN checkins c ON c.id = i.checkin_id WHERE c.day >= ? "
            "GROUP BY i.person_id",
            (since.isoformat(),),
        )
        return {row["person_id"]: row for row in rows}

    def checkin_moods(self, since: dt.date, until: dt.date) -> list[sqlite3.Row]:
        """Every check-in's day and mood in the window, oldest first."""
        return self._all(
            "SELECT day, mood FROM checkins WHERE day BETWEEN ? AND ? ORDER BY day, id",
            (since.isoformat(), until.isoformat()),
        )

    def monthly(self, since: dt.date | None, until: dt.date) -> list[sqlite3.Row]:
        """Per month with a check-in or a PHQ-9: check-ins, mean mood, and the month's
        highest PHQ-9 total (None without one)."""
        start = (since or dt.date.min).isoformat()
        return self._all(
            """
            WITH mood AS (
                SELECT substr(day, 1, 7) AS month, count(*) AS checkins, avg(mood) AS mean_mood
                FROM checkins WHERE day BETWEEN :since AND :until GROUP BY month
            ),
            phq AS (
                SELECT substr(day, 1, 7) AS month, max(total) AS phq9
                FROM measures WHERE scale = 'phq9' AND day BETWEEN :since AND :until GROUP BY month
            ),
            months AS (SELECT month FROM mood UNION SELECT month FROM phq)
            SELECT months.month, coalesce(mood.checkins, 0) AS checkins, mood.mean_mood, phq.phq9
            FROM months LEFT JOIN mood USING (month) LEFT JOIN phq USING (month)
            ORDER BY months.month
            """,
            {"since": start, "until": until.isoformat()},
        )

    def last_gap(self, since: dt.date, until: dt.date, days: int) -> tuple[str, str] | None:
        """The latest stretch of more than `days` days without a check-in from `since` to
        `until` that check-ins follow: its first and last empty day. The window's start
        counts as an edge, so a window opening on empty months has a gap too."""
        rows = self._all(
            """
            SELECT date(prev, '+1 day'), date(day, '-1 day') FROM (
                SELECT day, lag(day, 1, date(:since, '-1 day')) OVER (ORDER BY day) AS prev
                FROM (SELECT DISTINCT day FROM checkins WHERE day BETWEEN :since AND :until)
            )
            WHERE julianday(day) - julianday(prev) > :days
            ORDER BY day DESC LIMIT 1
            """,
            {"since": since.isoformat(), "until": until.isoformat(), "days": days},
        )
        return (rows[0][0], rows[0][1]) if rows else None

    def last_checkin_day(self, since: dt.date, until: dt.date) -> str | None:
        """The day of the last check-in from `since` to `until`, None without one."""
        row = self._one(
            "SELECT max(day) FROM checkins WHERE day BETWEEN ? AND ?", (since.isoformat(), until.isoformat())
        )
        return row[0] if row else None

    def first_day(self) -> str | None:
        """The first day anything dated was recorded: a check-in, questionnaire or event."""
        return self._row(
            "SELECT min(day) FROM (SELECT min(day) AS day FROM checkins UNION ALL "
            "SELECT min(day) FROM measures UNION ALL SELECT min(day) FROM events)"
        )[0]
