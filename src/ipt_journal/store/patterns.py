"""The aggregates the insight screens read: mood by how it went with each person, each
person early against late, the people of each week, time together lately, and mood and
PHQ-9 by month. All computed in SQL over the window asked for; rows out, no judgement."""

from __future__ import annotations

import datetime as dt
import sqlite3

from ipt_journal.store.repository import Repository

# The link between how it went and mood is read after the shared trend is removed: each
# time with the person is compared with the mean of the previous RUNNING times with them
# (how it went and mood alike), kept only when those all fall within RUNNING_DAYS, so a
# recovery that lifts both over the course cancels out (insight/relationships.py says why).
# Time together whose how-it-went is unknown (quality NULL: imported) counts as contact
# (interactions, early, late) and stays out of every how-it-went figure (rated and after).
RUNNING = 3
RUNNING_DAYS = 56
_PERSON_FIGURES = f"""
WITH pairs AS (
    SELECT i.person_id, i.quality AS q, c.mood AS m, c.day, c.id AS cid
    FROM interactions i JOIN checkins c ON c.id = i.checkin_id
    WHERE c.day BETWEEN :since AND :until
),
running AS (
    SELECT person_id, day, cid, q - avg(q) OVER w AS dq, m - avg(m) OVER w AS dm,
           count(*) OVER w AS before, first_value(day) OVER w AS first_before
    FROM pairs WHERE q IS NOT NULL
    WINDOW w AS (PARTITION BY person_id ORDER BY day, cid ROWS BETWEEN {RUNNING} PRECEDING AND 1 PRECEDING)
),
detrended AS (
    SELECT person_id, dq, dm,
           lag(dq) OVER p AS dq1, lag(dm) OVER p AS dm1
    FROM running
    WHERE before = {RUNNING} AND julianday(day) - julianday(first_before) <= {RUNNING_DAYS}
    WINDOW p AS (PARTITION BY person_id ORDER BY day, cid)
),
links AS (
    SELECT person_id, count(*) AS detrended,
           avg(dq * dm) - avg(dq) * avg(dm) AS link_cov,
           avg(dq * dq) - avg(dq) * avg(dq) AS link_var_quality,
           avg(dm * dm) - avg(dm) * avg(dm) AS link_var_mood,
           avg(dq * dq1) - avg(CASE WHEN dq1 IS NOT NULL THEN dq END) * avg(dq1) AS lag_cov_quality,
           avg(dm * dm1) - avg(CASE WHEN dm1 IS NOT NULL THEN dm END) * avg(dm1) AS lag_cov_mood
    FROM detrended GROUP BY person_id
),
window_mood AS (
    SELECT count(*) AS checkins, total(mood) AS mood_sum
    FROM checkins WHERE day BETWEEN :since AND :until
),
person_days AS (
    SELECT person_id, count(*) AS checkins, total(m) AS mood_sum
    FROM (SELECT DISTINCT person_id, cid, m FROM pairs) GROUP BY person_id
)
SELECT p.name, p.closeness, count(*) AS interactions, count(q) AS rated,
       window_mood.checkins AS window_checkins,
       (window_mood.mood_sum - person_days.mood_sum)
           / nullif(window_mood.checkins - person_days.checkins, 0) AS mood_without,
       count(CASE WHEN q < 0 THEN 1 END) AS badly, avg(CASE WHEN q < 0 THEN m END) AS badly_mood,
       count(CASE WHEN q = 0 THEN 1 END) AS neither, avg(CASE WHEN q = 0 THEN m END) AS neither_mood,
       count(CASE WHEN q > 0 THEN 1 END) AS well, avg(CASE WHEN q > 0 THEN m END) AS well_mood,
       coalesce(links.detrended, 0) AS detrended, links.link_cov, links.link_var_quality,
       links.link_var_mood, links.lag_cov_quality, links.lag_cov_mood,
       sum(day < :middle) AS early, count(CASE WHEN day < :middle THEN q END) AS early_rated,
       avg(CASE WHEN day < :middle THEN q END) AS early_quality,
       sum(day >= :middle) AS late, count(CASE WHEN day >= :middle THEN q END) AS late_rated,
       avg(CASE WHEN day >= :middle THEN q END) AS late_quality
FROM pairs JOIN people p ON p.id = pairs.person_id AND p.status != 'deceased'  -- figures are for the living
LEFT JOIN links ON links.person_id = pairs.person_id
JOIN person_days ON person_days.person_id = pairs.person_id
CROSS JOIN window_mood
GROUP BY p.id
ORDER BY p.closeness IS NULL, p.closeness, interactions DESC, p.name COLLATE NOCASE
"""


class PatternStore(Repository):
    def person_figures(self, since: dt.date, until: dt.date, middle: dt.date) -> list[sqlite3.Row]:
        """Per person seen from `since` to `until`: interactions, and those with a known
        how-it-went (rated); check-ins and mean mood when it went badly (-2/-1), neither (0)
        and well (+1/+2); mean mood of the window's check-ins without them; over the rated
        times that have RUNNING earlier ones within RUNNING_DAYS (detrended), how it went and
        mood less their running means: covariance, variances and lag-1 autocovariances; and
        interactions, rated ones and mean quality before `middle` and from it."""
        return self._all(
            _PERSON_FIGURES,
            {"since": since.isoformat(), "until": until.isoformat(), "middle": middle.isoformat()},
        )

    # CROSS JOIN, SQLite's way of fixing the join order: the window's check-ins first, down
    # the day index, then their interactions. Without statistics SQLite read every
    # interaction of the journal instead (about 15 ms of a report on ten years).
    def weekly_people(self, since: dt.date) -> list[sqlite3.Row]:
        """Per ISO week (keyed by its Monday) and person: times seen and mean quality (None
        when how it went is unknown every time), the most seen first, then the closest."""
        return self._all(
            """
            SELECT date(c.day, '-' || ((CAST(strftime('%w', c.day) AS INTEGER) + 6) % 7) || ' days')
                       AS monday,
                   p.name, count(*) AS times, avg(i.quality) AS mean_quality
            FROM checkins c CROSS JOIN interactions i ON i.checkin_id = c.id
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
            "FROM checkins c CROSS JOIN interactions i ON c.id = i.checkin_id WHERE c.day >= ? "
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

    def first_checkin_day(self) -> str | None:
        """The day of the first check-in, None without one."""
        return self._row("SELECT min(day) FROM checkins")[0]

    def first_day(self) -> str | None:
        """The first day anything dated was recorded: a check-in, questionnaire or event."""
        return self._row(
            "SELECT min(day) FROM (SELECT min(day) AS day FROM checkins UNION ALL "
            "SELECT min(day) FROM measures UNION ALL SELECT min(day) FROM events)"
        )[0]
