#!/usr/bin/env python3
"""Validate the gold files of a drafting evaluation set.

Usage: python3 tools/check_gold.py [GOLD_DIR]   (default: test/ beside this tools/ folder)

Checks, per gold file: the keys and structure; every evidence quote occurs in the capture (whole file for
.txt; for .html in the visible text of one <p>/<figcaption>/<h1>/<li>/<blockquote> element, tags stripped and
entities decoded); date_phrase and count_text lie inside their record's evidence; actor and place ids are
declared and used; aliases occur in the capture (whitespace normalised); vocabulary values are in
schemas/vocabularies.yaml; dates are real and ordered and agree with the status and the
publication date; part_of points to a total of the same claimant and outcome; meeting blocks appear only
on meeting events, with their host among the participants and actor roles that repeat the block; page and
supply fields are consistent. Exit status 1 on any problem. Standard library and PyYAML only.
"""
import datetime as dt
import html
import re
import sys
from pathlib import Path

import yaml

VOCAB_PATH = Path(__file__).resolve().parents[3] / "schemas" / "vocabularies.yaml"
HTML_TAGS = ("p", "figcaption", "h1", "li", "blockquote")

TOP_KEYS = ["capture", "outlet", "style", "page", "supply", "actors", "places", "events"]
PAGE_KEYS = ["headline", "byline", "published_date", "truncated"]
ACTOR_KEYS = ["id", "name", "type", "country", "aliases"]
PLACE_KEYS = ["id", "name", "country"]
EVENT_KEYS = ["id", "type", "status", "salience", "date", "date_phrase", "place", "actors", "summary",
              "evidence", "claims", "meeting"]
CLAIM_KEYS = ["claimant", "outcome", "victim_group", "count_text", "low", "high", "part_of", "evidence"]
MEETING_KEYS = ["type", "level", "host", "participants"]
PARTICIPATION_ROLE = {"host": "host", "attended": "participant", "expected": "participant",
                      "invited": "participant", "invited_declined": "absent"}


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def load_vocab():
    data = yaml.safe_load(VOCAB_PATH.read_text(encoding="utf-8"))
    return {k: set(v.get("values", {})) for k, v in data.items() if isinstance(v, dict)}


def html_blocks(raw):
    body = re.sub(r"(?is)<(script|style|head)\b.*?</\1>", " ", raw)
    blocks = []
    for tag in HTML_TAGS:
        for m in re.finditer(rf"(?is)<{tag}\b[^>]*>(.*?)</{tag}>", body):
            blocks.append(html.unescape(re.sub(r"<[^>]+>", "", m.group(1))))
    visible = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return blocks, visible


def as_date(value):
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


class Checker:
    def __init__(self, vocab):
        self.vocab = vocab
        self.problems = []

    def bad(self, where, msg):
        self.problems.append(f"{where}: {msg}")

    def check_keys(self, where, obj, allowed, optional=()):
        if not isinstance(obj, dict):
            self.bad(where, "not a mapping")
            return False
        keys = list(obj)
        expected = [k for k in allowed if k in obj]
        if keys != expected:
            self.bad(where, f"keys {keys} not in the order {allowed}")
        for k in allowed:
            if k not in obj and k not in optional:
                self.bad(where, f"missing key {k!r}")
        for k in keys:
            if k not in allowed:
                self.bad(where, f"unexpected key {k!r}")
        return True

    def vocab_ok(self, where, field, value, name):
        if value not in self.vocab.get(name, set()):
            self.bad(where, f"{field} {value!r} not in vocabulary {name}")

    def check_file(self, gold_path):
        name = gold_path.name
        doc = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        if not self.check_keys(name, doc, TOP_KEYS, optional=("supply",)):
            return
        capture = gold_path.parent / doc["capture"]
        if not capture.exists():
            self.bad(name, f"capture {doc['capture']} missing")
            return
        if capture.stem != gold_path.name[: -len(".gold.yaml")]:
            self.bad(name, "capture name does not match the gold file name")
        raw = capture.read_text(encoding="utf-8")
        is_html = capture.suffix == ".html"
        if is_html:
            blocks, visible = html_blocks(raw)

            def quote_ok(q):
                return any(q in b for b in blocks)
        else:
            visible = raw

            def quote_ok(q):
                return q in raw
        visible_norm = norm(visible)

        published = self.check_page(name, doc, raw, is_html)

        actor_ids, place_ids = set(), set()
        for i, a in enumerate(doc.get("actors") or []):
            where = f"{name} actor {a.get('id', i)}"
            self.check_keys(where, a, ACTOR_KEYS)
            if a.get("id") in actor_ids:
                self.bad(where, "duplicate id")
            actor_ids.add(a.get("id"))
            self.vocab_ok(where, "type", a.get("type"), "actor_type")
            self.check_country(where, a.get("country"))
            for alias in a.get("aliases") or []:
                if norm(alias) not in visible_norm:
                    self.bad(where, f"alias {alias!r} not in capture")
        for i, p in enumerate(doc.get("places") or []):
            where = f"{name} place {p.get('id', i)}"
            self.check_keys(where, p, PLACE_KEYS)
            if p.get("id") in place_ids:
                self.bad(where, "duplicate id")
            place_ids.add(p.get("id"))
            self.check_country(where, p.get("country"))

        used_actors, used_places, event_ids = set(), set(), set()
        for i, e in enumerate(doc.get("events") or []):
            where = f"{name} event {e.get('id', i)}"
            self.check_keys(where, e, EVENT_KEYS, optional=("meeting",))
            if e.get("id") in event_ids:
                self.bad(where, "duplicate event id")
            event_ids.add(e.get("id"))
            self.vocab_ok(where, "type", e.get("type"), "event_type")
            self.vocab_ok(where, "status", e.get("status"), "event_status")
            self.vocab_ok(where, "salience", e.get("salience"), "salience")
            evidence = e.get("evidence") or []
            if not evidence:
                self.bad(where, "no evidence")
            for q in evidence:
                if not isinstance(q, str) or not quote_ok(q):
                    self.bad(where, f"evidence not in capture: {str(q)[:70]!r}")
            self.check_date(where, e, evidence, published)
            if e.get("place") is not None:
                used_places.add(e["place"])
                if e["place"] not in place_ids:
                    self.bad(where, f"place {e['place']!r} not declared")
            roles = set()
            for r in e.get("actors") or []:
                if set(r) != {"actor", "role"}:
                    self.bad(where, f"actor role entry {r} malformed")
                    continue
                used_actors.add(r["actor"])
                if r["actor"] not in actor_ids:
                    self.bad(where, f"actor {r['actor']!r} not declared")
                self.vocab_ok(where, "role", r["role"], "event_role")
                if (r["actor"], r["role"]) in roles:
                    self.bad(where, f"duplicate role {r['actor']}:{r['role']}")
                roles.add((r["actor"], r["role"]))
            if not isinstance(e.get("summary"), str) or not e["summary"].strip():
                self.bad(where, "empty summary")
            self.check_claims(where, e, roles, actor_ids, used_actors, quote_ok)
            self.check_meeting(where, e, roles, actor_ids, used_actors)
        for a in actor_ids - used_actors:
            self.bad(name, f"actor {a!r} declared but not used")
        for p in place_ids - used_places:
            self.bad(name, f"place {p!r} declared but not used")

    def check_country(self, where, cc):
        if cc is not None and not re.fullmatch(r"[A-Z]{3}", str(cc)):
            self.bad(where, f"country {cc!r} is not a three-letter code or null")

    def check_page(self, name, doc, raw, is_html):
        page = doc.get("page")
        self.check_keys(f"{name} page", page, PAGE_KEYS)
        supply = doc.get("supply")
        if supply is not None:
            if not isinstance(supply, dict) or not supply:
                self.bad(name, "supply must be a non-empty mapping")
                supply = {}
            for k in supply:
                if k not in ("headline", "byline", "published_date"):
                    self.bad(name, f"supply key {k!r} not allowed")
                elif page.get(k) is not None:
                    self.bad(name, f"supply.{k} given although the page prints one")
        else:
            supply = {}
        if page.get("headline") is None and "headline" not in supply:
            self.bad(name, "no headline printed and none supplied")
        if page.get("headline") is not None and norm(page["headline"]) not in norm(html.unescape(raw)):
            self.bad(name, "page.headline not in capture")
        if page.get("byline") is not None and norm(page["byline"]) not in norm(html.unescape(raw)):
            self.bad(name, "page.byline not in capture")
        if not isinstance(page.get("truncated"), bool):
            self.bad(name, "page.truncated must be true or false")
        published = as_date(page.get("published_date"))
        if page.get("published_date") is not None and published is None:
            self.bad(name, "page.published_date is not a real date")
        if published is None:
            published = as_date(supply.get("published_date"))
            if published is None:
                self.bad(name, "no publication date printed and none supplied")
        elif "published_date" in supply:
            self.bad(name, "published_date both printed and supplied")
        if is_html and page.get("published_date") is not None:
            m = re.search(r'article:published_time"\s+content="(\d{4}-\d\d-\d\d)', raw)
            if m and m.group(1) != str(page["published_date"]):
                self.bad(name, "page.published_date differs from article:published_time")
        return published

    def check_date(self, where, e, evidence, published):
        date, phrase = e.get("date"), e.get("date_phrase")
        if phrase is not None and not any(phrase in q for q in evidence):
            self.bad(where, f"date_phrase {phrase!r} not inside the evidence")
        if date is None:
            if phrase is not None:
                self.bad(where, "date_phrase given but date is null")
            return
        if phrase is None:
            self.bad(where, "date given without a date_phrase")
        if not isinstance(date, dict) or set(date) != {"start", "end"}:
            self.bad(where, "date must be {start, end}")
            return
        start, end = as_date(date["start"]), as_date(date["end"])
        if start is None or end is None:
            self.bad(where, "date is not real")
            return
        if start > end:
            self.bad(where, "date start after end")
        if published is None:
            return
        if e.get("status") == "occurred" and start > published:
            self.bad(where, "occurred event starts after publication")
        if e.get("status") == "planned" and end < published:
            self.bad(where, "planned event ends before publication")

    def check_claims(self, where, e, roles, actor_ids, used_actors, quote_ok):
        claims = e.get("claims")
        if not isinstance(claims, list):
            self.bad(where, "claims must be a list")
            return
        for j, c in enumerate(claims):
            cw = f"{where} claim {j}"
            self.check_keys(cw, c, CLAIM_KEYS)
            self.vocab_ok(cw, "outcome", c.get("outcome"), "casualty_outcome")
            self.vocab_ok(cw, "victim_group", c.get("victim_group"), "victim_group")
            claimant = c.get("claimant")
            if claimant is not None:
                used_actors.add(claimant)
                if claimant not in actor_ids:
                    self.bad(cw, f"claimant {claimant!r} not declared")
                if (claimant, "claimant") not in roles:
                    self.bad(cw, f"claimant {claimant!r} lacks the claimant role on the event")
            evidence = c.get("evidence") or []
            if not evidence:
                self.bad(cw, "no evidence")
            for q in evidence:
                if not isinstance(q, str) or not quote_ok(q):
                    self.bad(cw, f"evidence not in capture: {str(q)[:70]!r}")
            ct = c.get("count_text")
            if not isinstance(ct, str) or not any(ct in q for q in evidence):
                self.bad(cw, f"count_text {ct!r} not inside the evidence")
            low, high = c.get("low"), c.get("high")
            if not isinstance(low, int) or low < 0:
                self.bad(cw, "low must be a non-negative integer")
            if high is not None and (not isinstance(high, int) or (isinstance(low, int) and high < low)):
                self.bad(cw, "high must be null or an integer >= low")
            po = c.get("part_of")
            if po is not None:
                if not isinstance(po, int) or not 0 <= po < len(claims) or po == j:
                    self.bad(cw, f"part_of {po!r} does not point to another claim")
                else:
                    total = claims[po]
                    if total.get("part_of") is not None:
                        self.bad(cw, "part_of points to a claim that is itself a part")
                    if total.get("claimant") != claimant or total.get("outcome") != c.get("outcome"):
                        self.bad(cw, "part_of total has another claimant or outcome")
                    if isinstance(low, int) and isinstance(total.get("high"), int) and low > total["high"]:
                        self.bad(cw, "part larger than its total")

    def check_meeting(self, where, e, roles, actor_ids, used_actors):
        m = e.get("meeting")
        if e.get("type") != "meeting":
            if m is not None:
                self.bad(where, "meeting block on a non-meeting event")
            return
        if m is None:
            self.bad(where, "meeting event without a meeting block")
            return
        self.check_keys(f"{where} meeting", m, MEETING_KEYS)
        self.vocab_ok(where, "meeting.type", m.get("type"), "meeting_type")
        self.vocab_ok(where, "meeting.level", m.get("level"), "meeting_level")
        parts = m.get("participants") or []
        seen = {}
        for p in parts:
            if set(p) != {"actor", "participation"}:
                self.bad(where, f"participant entry {p} malformed")
                continue
            used_actors.add(p["actor"])
            if p["actor"] not in actor_ids:
                self.bad(where, f"participant {p['actor']!r} not declared")
            self.vocab_ok(where, "participation", p["participation"], "participation")
            seen[p["actor"]] = p["participation"]
            role = PARTICIPATION_ROLE.get(p["participation"])
            if role and (p["actor"], role) not in roles:
                self.bad(where, f"participant {p['actor']} ({p['participation']}) lacks role {role}")
        host = m.get("host")
        if host is not None:
            used_actors.add(host)
            if seen.get(host) != "host":
                self.bad(where, f"host {host!r} not among the participants as host")
        elif "host" in seen.values():
            self.bad(where, "a participant is host but meeting.host is null")
        status = e.get("status")
        for actor, part in seen.items():
            if part == "expected" and status == "occurred":
                self.bad(where, f"{actor} expected at an occurred meeting")
            if part == "attended" and status in ("planned", "proposed"):
                self.bad(where, f"{actor} attended a {status} meeting")


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "test"
    checker = Checker(load_vocab())
    files = sorted(folder.glob("*.gold.yaml"))
    for f in files:
        try:
            checker.check_file(f)
        except (yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
            checker.bad(f.name, f"could not be checked: {exc!r}")
    captures = {p.stem for p in folder.iterdir() if p.suffix in (".txt", ".html")}
    for stem in sorted(captures - {f.name[: -len(".gold.yaml")] for f in files}):
        checker.bad(stem, "capture without a gold file")
    for p in checker.problems:
        print(p)
    print(f"{len(files)} gold files, {len(checker.problems)} problems")
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
