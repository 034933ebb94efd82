"""Summaries: one plain sentence per drafted event that names only the event's own actors and places, for the
coder to check and improve. Nothing the roles do not say is added."""
from __future__ import annotations

# action → (what the initiator did, the same said with no initiator); {of}/{from_}/{to}/{with_} hold the target,
# or nothing when the record has none: a missing actor is never replaced by a stand-in noun, since a stand-in
# ("a government", "an official") can be the very name of an actor outside the record.
ACTS = {
    "summon": ("summoned an envoy{of}", "An envoy{of} was summoned"),
    "recall": ("recalled its envoy{from_}", "An envoy was recalled{from_}"),
    "expel": ("expelled diplomats{of}", "Diplomats{of} were expelled"),
    "cut_ties": ("broke off relations{with_}", "Relations{with_} were broken off"),
    "suspend_talks": ("suspended talks{with_}", "Talks{with_} were suspended"),
    "bar_return": ("barred the return of an envoy{of}", "The return of an envoy{of} was barred"),
    "halt_envoy": ("halted the sending of a new ambassador{to}", "The sending of a new ambassador{to} was halted"),
    "restore": ("restored relations{with_}", "Relations{with_} were restored"),
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
    planned = status in ("planned", "proposed", "cancelled")
    where = f" in {place}" if place else ""
    if action == "visit":
        to = f" to {host or place}" if host or place else ""
        if participants:
            return f"{participants} {'is to visit' if planned else 'visited'} {host or place or 'abroad'}"
        return f"A visit{to} {'is planned' if planned else 'took place'}"
    if action == "phone_call":
        verb = {"planned": "are to", "proposed": "were invited to", "cancelled": "were to"}.get(status)
        if participants:
            return f"{participants} {verb + ' speak' if verb else 'spoke'} by telephone"
        return f"A telephone call {'was planned' if planned else 'took place'}"
    gathering = "a summit" if action == "conference" else "talks"
    hosted = f" hosted by {host}" if host else ""
    if participants:
        verb = {"planned": "are to", "proposed": "were invited to", "cancelled": "were to"}.get(status)
        return f"{participants} {verb + ' hold' if verb else 'held'} {gathering}{hosted}{where}"
    what = "A summit" if action == "conference" else "Talks"
    return f"{what}{hosted}{where} {'were planned' if planned else 'took place'}"


def _act(action: str, i: str, t: str, everyone: str) -> str:
    if action == "return_posts":
        return f"The envoys of {everyone} returned to their posts" if everyone else "Envoys returned to their posts"
    slots = {"of": f" of {t}", "from_": f" from {t}", "to": f" to {t}", "with_": f" with {t}"} if t else dict.fromkeys(
        ("of", "from_", "to", "with_"), "")
    active, passive = ACTS[action]
    return f"{i} {active.format(**slots)}" if i else passive.format(**slots)


def summary(kind: str, action: str, status: str, roles: dict[str, list[str]], place: str) -> str:
    """`roles`: role → the names of the actors in it (initiator, target, participant, host, mediator …)."""
    i, t = _names(roles.get("initiator", [])), _names(roles.get("target", []))
    parts, host = _names(roles.get("participant", [])), _names(roles.get("host", []))
    if kind in VIOLENCE:
        text = _violence(kind, i, t, place)
    elif kind == "meeting":
        text = _meeting(action, status, parts, host, place)
    elif action in ACTS or action == "return_posts":
        text = _act(action, i, t, _names(roles.get("initiator", []) + roles.get("target", [])))
        text = ("Planned: " + (text if i else text[0].lower() + text[1:])) if status == "planned" else text
    elif kind == "statement":
        about = f" about {t}" if t else ""
        text = f"{i} made a statement{about}" if i else f"A statement was made{about}"
    elif kind == "ceasefire":
        mediated = f", mediated by {_names(roles.get('mediator', []))}" if roles.get("mediator") else ""
        text = f"{parts} agreed to a ceasefire{mediated}" if parts else f"A ceasefire was agreed{mediated}"
    elif kind == "war":
        text = f"{parts} were at war" if parts else "A war was fought" + (f" in {place}" if place else "")
    elif kind == "seizure_of_power":
        text = f"{i} seized power" if i else "Power was seized" + (f" in {place}" if place else "")
    elif kind == "sanctions":
        on = f" on {t}" if t else ""
        text = f"{i} imposed sanctions{on}" if i else f"Sanctions were imposed{on}"
    else:
        text = f"Talks between {parts} failed" if parts else "Talks failed"
    return text + "."
