"""The clinical content: questionnaires and their scoring (scales), crisis lines and the
item-9 rule (safety), the course's weeks and phases (course), coping strategies, the guided
exercises, and the vocabulary every record draws from (vocab). No I/O, no Typer or Rich."""
