"""Words and numbers for people: parsing dates, formatting figures, the messages ipt prints,
making user text safe to show (safe_text), and did-you-mean suggestions."""
