"""The wizards: the questions `ipt` asks in a terminal when a value was not given as a flag,
beside prompts.py (how a question is asked) and questions.py (the words). A command in
cli/ parses flags, calls a wizard for what is missing, and saves; a wizard asks and
validates, and never writes to the journal itself."""
