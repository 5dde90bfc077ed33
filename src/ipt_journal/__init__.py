"""ipt-journal: a private companion for Interpersonal Psychotherapy (IPT)."""

__version__ = "0.1.0"
