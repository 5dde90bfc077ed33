"""Flags that answer every question of an exercise, for tests that need one done."""

from ipt_journal.clinical.exercises import CATALOGUE


def flags_for(kind: str, skip: tuple[str, ...] = ()) -> list[str]:
    """An answer for every question of `kind` but `skip`, two lines for lists."""
    args = []
    for field in CATALOGUE[kind].fields:
        if field.key in skip:
            continue
        if field.kind == "list":
            args += [
                "--answer",
                f"{field.key}=first {field.key}",
                "--answer",
                f"{field.key}=second {field.key}",
            ]
        elif field.kind == "choice":
            args += ["--answer", f"{field.key}={field.choices[0]}"]
        elif field.kind == "scale":
            args += ["--answer", f"{field.key}=7"]
        else:
            args += ["--answer", f"{field.key}=my {field.key}"]
    return args
