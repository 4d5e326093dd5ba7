"""auditor: cross-check the figures that several news articles state about the same event."""

from auditor.model import Article, Claim, Finding, Group, Problem

__all__ = ["Article", "Claim", "Finding", "Group", "Problem"]
__version__ = "0.1.0"
