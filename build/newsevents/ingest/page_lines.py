"""Page furniture told by its shape, not by a list of sites: navigation and menus, search boxes,
share/follow/subscribe lines, tickers, cookie notices, "Source: X", image captions and credits, related-story
lists, app-store and newsletter lines, copyright and publisher footers.
"""
from __future__ import annotations

import re
from functools import lru_cache

LINES_REMEMBERED = 16_384  # a story's lines are each read up to 13 times while its start is found
NAV_WORDS = {
    "menu", "open menu", "close menu", "main menu", "search", "sign in", "sign up", "log in", "login", "logout",
    "register", "subscribe", "home", "skip to content", "skip to main content", "toggle navigation", "e-paper",
    "epaper", "live tv", "watch live", "listen", "more", "close", "back", "newsletters", "my account", "account",
    "short url", "follow", "share", "print", "email", "comments", "advertisement", "sponsored", "ad",
}
SHARE = re.compile(r"^(?:share(?: this)?(?: article| story| on)?|follow(?: us)?(?: on)?|tweet|copy link|"
                   r"(?:facebook|twitter|x|whatsapp|linkedin|telegram|email|print|reddit|instagram)(?:\s*[|·•,]|$))",
                   re.IGNORECASE)
TICKER = re.compile(r"^(?:ticker|breaking(?: news)?|news update|live|latest|trending|just in)\s*(?:[:|•▸►»-]|>>)",
                    re.IGNORECASE)
COOKIES = re.compile(r"\bcookies?\b.*\b(?:accept|agree|consent|manage|preferences|policy|settings)\b|"
                     r"\b(?:accept|agree to|consent to|manage)\b.*\bcookies?\b", re.IGNORECASE)
LABELLED = re.compile(r"^(?:tags?|topics?|filed under|categories|keywords|republishing|syndication|reprints?|"
                      r"licensing|permissions|contact us|corrections?)\s*:", re.IGNORECASE)  # 'Tags: Iraq, Iran'
SOURCE = re.compile(r"^(?:source|sources|agencies|with agency inputs?)\s*:\s*\S.{0,60}$", re.IGNORECASE)
APP_OR_NEWSLETTER = re.compile(r"\b(?:download (?:our|the) app|get (?:our|the) app|google play|app store|"
                               r"newsletter|sign up for|subscribe (?:to|now|for)|push notifications|in your inbox)\b|"
                               r"(?:^|[.!:|]\s*)(?:sign up|subscribe)(?: now| here| today)?$", re.IGNORECASE)
COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b|"
                       r"©\s*(?:19|20)\d{2}\b|\b(?:reuse|reproduction|republication|redistribution) of "
                       r"(?:this|our) (?:content|article|story)",
                       re.IGNORECASE)
RELATED = re.compile(r"^(?:related(?: stories| articles| news| coverage| topics)?|read more|read also|also read|"
                     r"see also|more on this(?: topic| story)?|more from [\w ]+|more stories|recommended(?: for you)?|"
                     r"you may also like|you might also like|most read|most viewed|most shared|most popular|"
                     r"trending(?: now)?|top stories|latest news|"
                     r"editor'?s picks)\s*:?(?P<item>\s+\S.*)?$", re.IGNORECASE)
CAPTION_CREDIT = re.compile(
    r"(?:^\s*\[(?:photo(?:graph)?|image|picture|video|graphic)s?\]|\b(?:press|photo) pool\s*$|\bpool (?:photo|image)\b|"
    r"\bphoto(?:graph)?s?(?: credit)?\s*:|\bimage(?: credit)?\s*:|\bcredit\s*:|\bfile (?:photo|image)\b|"
    r"\((?:[^()]*/)?(?:AFP|AP|REUTERS|Reuters|EPA|Getty Images|Xinhua|Anadolu|SPA|WAM|Supplied|File|"
    r"AP Photo|Photo)[^()]*\)\s*$|\([A-Z][\w.'’ -]*(?:/[\w.'’ -]+)+\)\s*$)", re.IGNORECASE)
LIST_SEPARATORS = re.compile(r"\s+[|•·]\s+|\s{2,}")
WORDS = re.compile(r"\w+(?:[’'\-]\w+)*")


def _items(line: str) -> list[str]:
    return [item.strip() for item in LIST_SEPARATORS.split(line) if item.strip()]


def is_navigation(line: str) -> bool:
    """A menu, search box or section bar: nav words alone, or a bar of short items."""
    text = line.strip()
    if text.lower().rstrip(":") in NAV_WORDS:
        return True
    items = _items(text)
    if len(items) >= 2 and all(item.lower() in NAV_WORDS for item in items):
        return True
    return len(items) >= 3 and all(len(item.split()) <= 4 for item in items) and not text.endswith(".")


def is_caption(line: str) -> bool:
    """An image caption or credit line: it names a photo, image or photo agency credit."""
    return bool(CAPTION_CREDIT.search(line))


@lru_cache(maxsize=LINES_REMEMBERED)
def furniture_kind(line: str) -> str | None:
    """What kind of page furniture the line is, or None when it may be part of the story."""
    text = line.strip()
    if not text:
        return None
    if COPYRIGHT.search(text):
        return "copyright"
    if TICKER.match(text):
        return "ticker"
    if COOKIES.search(text) and len(text.split()) <= 30:
        return "cookies"
    if SOURCE.match(text):
        return "source"
    if LABELLED.match(text) and len(text.split()) <= 30:
        return "labels"
    if RELATED.match(text):
        return "related"
    if SHARE.match(text) and len(text.split()) <= 12:
        return "share"
    if APP_OR_NEWSLETTER.search(text) and len(text.split()) <= 16:
        return "app"
    if is_navigation(text):
        return "navigation"
    return None


def is_masthead(line: str) -> bool:
    """A site name or section label above the headline: a few words, in capitals or without a verb's room."""
    text = line.strip()
    words = WORDS.findall(text)
    return bool(words) and (len(words) <= 2 or (text.isupper() and len(words) <= 5))


def is_site_header(line: str) -> bool:
    """Furniture a site prints above every story: a menu bar of several items, a ticker, a cookie or app notice
    (a lone "Share" or "Follow" belongs to the story's own tools)."""
    kind = furniture_kind(line)
    return kind in ("ticker", "cookies", "app") or kind == "navigation" and len(_items(line)) >= 2
