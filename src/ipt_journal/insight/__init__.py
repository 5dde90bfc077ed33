"""What the journal shows back: figures computed from the store for the week-by-week report,
mood with each person (relationships), the story of the course, life events beside mood
(timeline), the pre-session summary (prep) and the clinician's report. Pure data; `render/`
and `documents/` draw it."""
