"""The check stage: named comparators and the engine that turns groups into findings."""

from auditor.check.engine import check, fingerprint
from auditor.check.registry import COMPARATORS, Comparator, register

__all__ = ["check", "fingerprint", "COMPARATORS", "Comparator", "register"]
