"""The one pint registry of the process, with currencies and news units defined on it.

Every stage that needs units imports ``ureg`` from here, so quantities from different stages can
be compared (pint refuses to mix quantities from two registries). Currencies are defined as one
dimension each ([currency_usd], [currency_eur], ...): pint then refuses to convert between them,
which is right, because exchange rates are not units.
"""

from __future__ import annotations

from functools import lru_cache

import pint

from auditor.resources import vocabulary

ureg = pint.UnitRegistry()

# Units that news uses and pint's default registry lacks. Percentage points and basis points
# get their own dimension: "up 2 points" must never be compared with "up 2%".
_NEWS_DEFINITIONS = (
    "percentage_point = [percentage_point] = pp",
    "basis_point = 0.01 * percentage_point = bp",
    "parts_per_million = 1e-6 = ppm_news",
    "parts_per_billion = 1e-9 = ppb_news",
)


def _define_all(registry: pint.UnitRegistry) -> None:
    for line in _NEWS_DEFINITIONS:
        registry.define(line)
    for name, spec in vocabulary("currencies").items():
        registry.define(f"{name} = [{spec['dimension']}]")
        sub = spec.get("subunit")
        if sub:
            registry.define(f"{sub['name']} = {sub['factor']} * {name}")


_define_all(ureg)


@lru_cache(maxsize=4096)
def unit_name(expression: str) -> str | None:
    """The canonical pint name of a unit expression, or None when pint does not know it.

    >>> unit_name("kilometre ** 2")
    'kilometer ** 2'
    >>> unit_name("degC")
    'degree_Celsius'
    >>> unit_name("blorps per fortnight") is None
    True
    """
    if not expression:
        return ""
    try:
        return str(ureg.Unit(expression))
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, SyntaxError):
        return None


@lru_cache(maxsize=4096)
def dimension_of(unit: str) -> str:
    """pint's dimensionality of a unit name as a string; "" for a plain count.

    >>> dimension_of("degree_Celsius")
    '[temperature]'
    >>> dimension_of("dollar")
    '[currency_usd]'
    >>> dimension_of("")
    ''
    """
    if not unit:
        return ""
    return _canonical(dict(ureg.Unit(unit).dimensionality))


def _canonical(dims: dict[str, float]) -> str:
    """Dimensions written in one order, whatever unit they came from: pint keeps the order the
    unit was defined in, so horsepower and kilowatt would otherwise print differently.

    >>> _canonical({"[time]": -3, "[mass]": 1, "[length]": 2})
    '[length] ** 2 * [mass] / [time] ** 3'
    """

    def term(name: str, power: float) -> str:
        power = abs(power)
        return name if power == 1 else f"{name} ** {power:g}"

    top = " * ".join(term(n, p) for n, p in sorted(dims.items()) if p > 0)
    bottom = " / ".join(term(n, p) for n, p in sorted(dims.items()) if p < 0)
    if not top:
        return f"1 / {bottom}" if bottom else "dimensionless"
    return f"{top} / {bottom}" if bottom else top
