"""CAMEO actor codes checked by composing them from the CAMEO code lists, as the CAMEO manual (1.1b3, chapter 3)
builds them: three-letter parts read from general to specific. A code opens with a country or region (PAK, MEA),
a generic international code (NGO, IGO), a religion or an ethnic group; roles follow, primary before secondary
before tertiary (PAKGOV, XXXOPPLAB); a known group comes last (PSEREBHMS, NGOWEF). The parts and their kinds are
the reference tables cameo_actor_* (data/reference/)."""
from __future__ import annotations

import pandas as pd

from newsevents.core.errors import Collector
from newsevents.core.yamlfile import Where
from newsevents.ingest.registries import Registries

OPENERS = {"country", "region", "international", "religion", "ethnic group"}
ROLE_ORDER = {"primary_role": 0, "secondary_role": 1, "tertiary_role": 2}
FIX = ("compose it from data/reference/cameo_actor_*.tsv: a country, region or international code first, then "
       "roles (primary before secondary before tertiary), a known group last, e.g. PAKGOV, PSEREBHMS, NGOWEF")


def code_parts(reference: dict[str, pd.DataFrame]) -> dict[str, set[str]]:
    """Each three-letter part → its kinds (a part may be in several lists: PSE is a country and a known group)."""
    parts: dict[str, set[str]] = {}
    for table, kind in (("cameo_actor_countries", None), ("cameo_actor_roles", None),
                        ("cameo_actor_known_groups", "known group"), ("cameo_actor_religions", "religion"),
                        ("cameo_actor_ethnicities", "ethnic group")):
        frame = reference[table]
        kinds = frame["kind"] if kind is None else [kind] * len(frame)
        for code, part_kind in zip(frame["code"], kinds):
            parts.setdefault(code, set()).add(part_kind)
    return parts


def _order_problem(kinds: list[set[str]], groups: list[str]) -> str | None:
    """What breaks the manual's order of parts, if anything."""
    if not kinds[0] & OPENERS:
        return f"'{groups[0]}' ({' or '.join(sorted(k.replace('_', ' ') for k in kinds[0]))}) cannot open a code"
    for position, part in enumerate(kinds[1:], start=1):
        if part == {"international"}:
            return f"generic international code '{groups[position]}' can only open a code"
    ranked = [(ROLE_ORDER[kind], group) for part, group in zip(kinds, groups) for kind in part if kind in ROLE_ORDER]
    for (tier, group), (next_tier, next_group) in zip(ranked, ranked[1:]):
        if next_tier < tier:
            return f"role '{group}' comes before role '{next_group}', but CAMEO writes primary roles before " \
                   "secondary before tertiary"
    for position, part in enumerate(kinds[:-1]):
        if part == {"known group"}:
            return f"known group '{groups[position]}' is not the last part"
    return None


def actor_code_problem(code: str, parts: dict[str, set[str]]) -> str | None:
    """Why a CAMEO actor code is not composed as the manual composes codes; None when it is."""
    groups = [code[i:i + 3] for i in range(0, len(code), 3)]
    unknown = [group for group in groups if group not in parts]
    if unknown:
        return f"{', '.join(repr(g) for g in unknown)} {'is' if len(unknown) == 1 else 'are'} in no CAMEO actor " \
               "code list (countries and regions, types, known groups, religions, ethnic groups)"
    return _order_problem([parts[g] for g in groups], groups)


def check_actor_codes(registries: Registries, reference: dict[str, pd.DataFrame], problems: Collector) -> None:
    """Every registered actor's CAMEO code, reported at its `cameo` line when it is not a composed code."""
    parts = code_parts(reference)
    for actor_id, actor in registries.actors.items():
        code = actor.get("cameo")
        wrong = actor_code_problem(code, parts) if code else None
        if wrong:
            where = registries.actor_lines[actor_id]
            line = Where(where.file, actor_id, where.document, (*where.path, "cameo")).line
            problems.add(where.file, f"CAMEO actor code '{code}': {wrong}", FIX, line=line, record=actor_id)
