"""Summaries: one plain sentence per drafted event that names only the event's own actors and places, for the
coder to check and improve. Nothing the roles do not say is added."""
from __future__ import annotations

ACTS = {
    "summon": "{i} summoned the envoy of {t}", "recall": "{i} recalled its envoy from {t}",
    "expel": "{i} expelled diplomats of {t}", "cut_ties": "{i} broke off relations with {t}",
    "suspend_talks": "{i} suspended talks with {t}", "bar_return": "{i} barred the return of the envoy of {t}",
    "halt_envoy": "{i} halted the sending of a new ambassador to {t}", "restore": "{i} restored relations with {t}",
    "return_posts": "The envoys of {all} returned to their posts",
}
VIOLENCE = {"air_strike": "an air strike", "armed_clash": "an armed attack", "explosion": "an explosion"}


def _names(names: list[str]) -> str:
    if not names:
        return ""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _violence(kind: str, i: str, t: str, place: str) -> str:
    what = VIOLENCE[kind]
    where = f" in {place}" if place else ""
    if i:
        return f"{i} carried out {what}" + (f" on {t}" if t else "") + where
    return f"{what[0].upper()}{what[1:]} took place{where}" + (f", aimed at {t}" if t else "")


def _meeting(action: str, status: str, participants: str, host: str, place: str) -> str:
    verb = {"planned": "are to", "proposed": "were invited to", "cancelled": "were to"}.get(status)
    where = f" in {place}" if place else ""
    if action == "visit":
        return f"{participants or 'A delegation'} {'is to visit' if verb else 'visited'} {host or place or 'abroad'}"
    if action == "phone_call":
        return f"{participants or 'Two leaders'} {verb + ' speak' if verb else 'spoke'} by telephone"
    gathering = "a summit" if action == "conference" else "talks"
    hosted = f" hosted by {host}" if host else ""
    return f"{participants or 'Delegations'} {verb + ' hold' if verb else 'held'} {gathering}{hosted}{where}"


def summary(kind: str, action: str, status: str, roles: dict[str, list[str]], place: str) -> str:
    """`roles`: role → the names of the actors in it (initiator, target, participant, host, mediator …)."""
    i, t = _names(roles.get("initiator", [])), _names(roles.get("target", []))
    parts, host = _names(roles.get("participant", [])), _names(roles.get("host", []))
    if kind in VIOLENCE:
        text = _violence(kind, i, t, place)
    elif kind == "meeting":
        text = _meeting(action, status, parts, host, place)
    elif action in ACTS:
        text = ACTS[action].format(i=i or "A government", t=t or "another state", all=_names(
            roles.get("initiator", []) + roles.get("target", [])) or "two states")
        text = ("Planned: " + text[0].lower() + text[1:]) if status == "planned" else text
    elif kind == "statement":
        text = f"{i or 'An official'} made a statement" + (f" about {t}" if t else "")
    elif kind == "ceasefire":
        mediated = f", mediated by {_names(roles.get('mediator', []))}" if roles.get("mediator") else ""
        text = f"{parts or 'The sides'} agreed to a ceasefire{mediated}"
    elif kind == "war":
        text = f"{parts} were at war" if parts else "A war was fought" + (f" in {place}" if place else "")
    elif kind == "seizure_of_power":
        text = f"{i} seized power" if i else "Power was seized" + (f" in {place}" if place else "")
    elif kind == "sanctions":
        text = f"{i or 'A government'} imposed sanctions" + (f" on {t}" if t else "")
    else:
        text = f"Talks between {parts or 'the sides'} failed"
    return text + "."
