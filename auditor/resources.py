"""Where the packaged rule and vocabulary files live, and a cached YAML reader for them.

The top-level ``rules/`` folder is the source of truth. A wheel ships it as ``auditor/_rules``
(hatchling ``force-include``); a source checkout or editable install reads ``rules/`` directly.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    """The directory holding the default rules and vocabulary."""
    packaged = Path(str(resources.files("auditor"))) / "_rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"


@lru_cache(maxsize=None)
def vocabulary(name: str) -> Any:
    """Parse ``rules/vocabulary/<name>.yaml`` once per process (safe loader).

    Vocabulary files are data the stages read: synonyms, vague quantifiers, qualifier words.
    They are cached, so callers must not mutate what they get back.
    """
    path = rules_dir() / "vocabulary" / f"{name}.yaml"
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)
