"""What the drafter knows about one sentence (its actors, places, dates and attributions), and the reading of
the words around a trigger: the clause it stands in, its subject, the actors and places after it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.authoring.draft.actors import Mention
from newsevents.authoring.draft.attribution import Attribution, attribution_at
from newsevents.authoring.draft.dates import DateMention
from newsevents.authoring.draft.places import PlaceMention
from newsevents.authoring.draft.text import Sentence

HARD_BREAK = re.compile(r"[;:] | [–—] |—")
SOFT_BREAK = re.compile(r", (?=(?:which|who|whom|whose|while|but|although|though|whereas|when|after|before|as|"
                        r"because|since|where|following|despite|in (?:retaliation|response) (?:for|to)|"
                        r"and (?:the|a|an|its|their|his|her) [\w-]+ (?:was|were|is|are|has|have|had))\b)|"
                        r"\b(?:which|who|whom) |"
                        r" (?=in (?:retaliation|response) (?:for|to)\b)")
# words that may stand between a subject and its verb: "X has also", "X on Thursday", "X’s aircraft had"
SUBJECT_GAP = re.compile(r"^(?:[’']s)?(?: (?:[a-z][\w\-’]*|on [A-Z][a-z]+day|in [A-Z][a-z]+|late|early|"
                         r"\d{1,2} [A-Z][a-z]+|[A-Z][a-z]+\.? \d{1,2}))*? ?$")
# 'to' right before the act or its verb ('to meet', 'to hold talks'), not 'welcomed X to the resort for talks'
FUTURE = re.compile(r"\b(?:will|would|shall|’ll|'ll|to(?= (?:[a-z]+ )?[a-z]+$| ?$)|plans? to|planned to|expected to|"
                    r"scheduled to|due to|set to|next|upcoming|later this)\b")
NOT_FUTURE = re.compile(r"\b(?:failed|decided not|refused|declined|unable|not to|in order to|according to|"
                        r"due to (?:the|a))\b")
PLACE_PREPOSITION = re.compile(r"\b(?:in|inside|into|to|at|near|on|outside)(?: (?:the|a|an))?(?: [a-z][\w\-]*){0,3} $")


@dataclass
class SentenceFacts:
    """A sentence with the actors, places, dates and attributions found in it."""

    sentence: Sentence
    actors: list[Mention]
    places: list[PlaceMention]
    dates: list[DateMention]
    attributions: list[Attribution]

    @property
    def text(self) -> str:
        return self.sentence.text

    def speaker_at(self, position: int) -> str | None:
        found = attribution_at(position, self.attributions)
        return found.speaker if found else None

    def clause(self, position: int) -> tuple[int, int]:
        """Bounds of the clause around a position: split at semicolons, colons and dashes, and before a
        relative or subordinate clause that follows a comma."""
        start, end = 0, len(self.text)
        for match in list(HARD_BREAK.finditer(self.text)) + list(SOFT_BREAK.finditer(self.text)):
            if match.end() <= position:
                start = max(start, match.end())
            elif match.start() >= position:
                end = min(end, match.start())
        return start, end

    def subject(self, trigger: int, lead: str = "") -> Mention | None:
        """The actor a verb or noun phrase follows as its subject ('Iraq summoned', 'Chile’s foreign ministry
        has', 'Israel’s military said it killed'); `lead` may require words right before the trigger."""
        clause_start, _ = self.clause(trigger)
        before = [m for m in self.actors if clause_start <= m.start and m.end <= trigger]
        if not before:
            return None
        gap = self.text[before[-1].end:trigger]
        if lead and not gap.rstrip().endswith(lead):
            return None
        if re.search(r"\band $", gap) and not re.search(r"[,;]", gap):  # 'X expelled Y’s diplomats and recalled'
            first = before[0]
            opening = self.text[clause_start:first.start]
            if re.fullmatch(r"(?:(?:[Tt]he|[A-Z][\w.\-]*) )*", opening) and first.kind != "adjective":
                return first
        if SUBJECT_GAP.match(gap) and len(gap.split()) <= 7:
            return before[-1]
        return None

    def after(self, position: int, reach: int = 80) -> list[Mention]:
        """Actors named after a position in the same clause, within `reach` characters."""
        _, clause_end = self.clause(position)
        return [m for m in self.actors if position <= m.start < min(clause_end, position + reach)]

    def places_after(self, position: int, reach: int = 100) -> list[str]:
        """The places named after a position (within the clause) with 'in', 'near', 'on', 'at' … before them."""
        _, clause_end = self.clause(position)
        found = []
        for place in self.places:
            if position <= place.start < min(clause_end, position + reach) and \
                    PLACE_PREPOSITION.search(self.text[:place.start]):
                found.append(place.place_id)
        return found

    def future_before(self, trigger: int, words: int = 4) -> bool:
        window = " ".join(self.text[:trigger].split()[-words:])
        return bool(FUTURE.search(window)) and not NOT_FUTURE.search(window)

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if start <= d.start and d.end <= end]
