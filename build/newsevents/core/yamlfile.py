"""YAML coding files: parsed fast, checked against their JSON Schemas, errors located by line.

Data comes from yaml-rs (a Rust YAML 1.2 parser: 0.6 ms for an 18 KB coding file where ruamel.yaml's
round-trip loader takes 84 ms, which at 10,000 stories is the difference between seconds and minutes).
Line numbers are needed only to report a problem, so ruamel.yaml, the round-trip library that also edits the
manifest keeping its comments, reads a file for its lines only when a problem in it is reported.
Structure is checked with a compiled validator (fastjsonschema); only a file that fails is re-checked with
jsonschema, which lists every violation with its path.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import fastjsonschema
import jsonschema
import yaml
import yaml_rs
from ruamel.yaml import YAML
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from newsevents.core.errors import Collector
from newsevents.core.project import Project
from newsevents.core.schemas import load_vocabularies

RS_LINE = re.compile(r"at line (\d+)")
# Characters YAML forbids in a stream (everything outside its printable set). yaml-rs reads up to a NUL and
# silently drops the rest of the file, so they are refused before parsing.
NOT_YAML = re.compile(r"[^\t\n\r\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")


@dataclass
class Document:
    """A parsed YAML file: plain data, and the line of any node by its path (computed when first asked)."""

    path: str
    data: object
    text: str = ""
    _lines: dict[tuple, int] | None = field(default=None, repr=False)

    def line(self, *path) -> int | None:
        """Line of the deepest existing node on the path (1-based)."""
        if self._lines is None:
            self._lines = {}
            try:
                _record_lines(round_trip().compose(self.text), (), self._lines)
            except YAMLError:  # read by yaml-rs, refused by ruamel.yaml: the lines stay unknown
                return None
        path = tuple(path)
        while path not in self._lines and path:
            path = path[:-1]
        return self._lines.get(path)


@dataclass(frozen=True)
class Where:
    """Where a record is written: file, record id, and its node path (the line is looked up only when asked)."""

    file: str
    record: str
    document: Document | None = field(default=None, compare=False, repr=False)
    path: tuple = ()

    @property
    def line(self) -> int | None:
        return self.document.line(*self.path) if self.document is not None else None


def round_trip() -> YAML:
    """A ruamel.yaml round-trip reader and writer: keeps comments, layout and the line of every node."""
    return YAML(typ="rt")


def _record_lines(node: Node | None, path: tuple, lines: dict) -> None:
    """The line of every node, by its path of keys and indexes (nodes are composed, never constructed, so a
    value such as an impossible date does not stop them)."""
    if node is None:
        return
    lines[path] = node.start_mark.line + 1
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            _record_lines(value_node, path + (key_node.value,), lines)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines)


def read_yaml(path: Path, shown_as: str, problems: Collector) -> Document | None:
    """Parse a YAML file; syntax errors and duplicate keys are collected, not raised."""
    return parse_yaml(path.read_bytes(), shown_as, problems)


def parse_yaml(data: bytes, shown_as: str, problems: Collector) -> Document | None:
    """Parse the bytes of a YAML file shown as ``shown_as``; problems collected, as read_yaml."""
    try:
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        problems.add(shown_as, f"not valid UTF-8 at byte {error.start}", "save the file as UTF-8")
        return None
    if (bad := NOT_YAML.search(text)) is not None:
        line_start = text.rfind("\n", 0, bad.start()) + 1
        problems.add(shown_as, f"control character U+{ord(bad.group()):04X} at column {bad.start() - line_start + 1}, "
                     "which YAML does not allow", "delete it (most editors do not show it: go to this line and column)",
                     line=text.count("\n", 0, bad.start()) + 1)
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False) if text.strip() else None
    except yaml_rs.YAMLDecodeError as error:
        detail, line = _syntax_error(text, error)
        problems.add(shown_as, f"YAML syntax error: {detail}",
                     "check indentation, colons and quoting around this line; a key may appear only once", line=line)
        return None
    return Document(path=shown_as, data=data, text=text)


def _syntax_error(text: str, error: yaml_rs.YAMLDecodeError) -> tuple[str, int | None]:
    """What is wrong and on which line. ruamel.yaml's account when it rejects the text too (it points at the
    fault and says where an unclosed bracket or scalar started); for a repeated key, yaml-rs's words at the
    line of the repeat; else yaml-rs's account."""
    message = str(error).strip().splitlines()
    line = RS_LINE.search(message[0])
    try:
        round_trip().load(text)
    except DuplicateKeyError as repeated:
        return message[-1].strip(), repeated.problem_mark.line + 1
    except MarkedYAMLError as rejected:
        mark, began = rejected.problem_mark, rejected.context_mark
        detail, context = rejected.problem or str(rejected), rejected.context
        if "'\\t'" in detail:
            detail = "found a tab character: YAML indents with spaces only"
        if context and began:
            detail += f" ({context} started at line {began.line + 1})"
        return detail, mark.line + 1 if mark else None
    return message[-1].strip(), int(line.group(1)) if line else None


def _inject_vocabularies(schema, vocabularies):
    if isinstance(schema, dict):
        if "x-vocabulary" in schema:
            return {"enum": list(vocabularies[schema["x-vocabulary"]].values)}
        return {key: _inject_vocabularies(value, vocabularies) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_inject_vocabularies(item, vocabularies) for item in schema]
    return schema


@cache
def coding_schema(root: Path, name: str) -> dict:
    folder = Project(root).schemas / "coding"
    definitions = yaml.safe_load((folder / "definitions.yaml").read_text(encoding="utf-8"))
    schema = yaml.safe_load((folder / f"{name}.yaml").read_text(encoding="utf-8"))
    own = {key: schema.pop(key) for key in list(schema) if key not in
           ("title", "type", "additionalProperties", "required", "properties", "dependencies")}
    schema["$defs"] = definitions | own
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    return _inject_vocabularies(schema, load_vocabularies(root))


_compiled: dict[int, object] = {}


def _fast_validator(schema: dict):
    key = id(schema)
    if key not in _compiled:
        _compiled[key] = fastjsonschema.compile(schema)
    return _compiled[key]


def _record_of(document: Document, path: tuple) -> str | None:
    """The id of the innermost record on the path, for error messages."""
    node, record = document.data, None
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict):
            record = node.get("id") or node.get("article_id") or node.get("actor") or node.get("file") or record
    return str(record) if record else None


def _message(error: jsonschema.ValidationError) -> tuple[str, str]:
    where = "/".join(str(p) for p in error.absolute_path) or "the file"
    if error.validator == "required":
        return f"{where}: {error.message}", "add the missing key"
    if error.validator == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return f"{where}: {error.instance!r} is not an allowed value", f"use one of: {allowed}"
    if error.validator == "dependencies":
        return f"{where}: {error.message}", "an entry that defines a record gives all its fields"
    if error.validator == "oneOf" and error.context:
        best = jsonschema.exceptions.best_match(error.context)
        return f"{where}: {best.message}", "see the coding guide for the expected form"
    return f"{where}: {error.message}", "see the coding guide for the expected form"


def _unknown_keys(error: jsonschema.ValidationError) -> dict[str, str | None]:
    """Each unknown key of an additionalProperties error → the absent key it most looks like, if any."""
    properties = set(error.schema.get("properties", {}))
    absent = [str(key) for key in properties - set(error.instance)]
    return {str(key): next(iter(difflib.get_close_matches(str(key), absent, n=1, cutoff=0.75)), None)
            for key in sorted(set(error.instance) - properties, key=str)}


def _missing_key(error: jsonschema.ValidationError) -> str | None:
    """The key a 'required' or 'dependencies' error says is missing."""
    found = re.match(r"'([^']+)' is a (?:required property|dependency)", error.message)
    return found.group(1) if found and error.validator in ("required", "dependencies") else None


def check_structure(document: Document, schema: dict, problems: Collector) -> bool:
    """Validate a document against a coding schema; every violation is collected with its line.

    A misspelt key is one problem ("did you mean …?"), not also a missing-key problem for the key it meant.
    """
    try:
        _fast_validator(schema)(document.data)
        return True
    except fastjsonschema.JsonSchemaException:
        pass
    validator = jsonschema.Draft7Validator(schema)
    errors = sorted(validator.iter_errors(document.data), key=lambda e: list(map(str, e.absolute_path)))
    meant = {(tuple(e.absolute_path), key) for e in errors if e.validator == "additionalProperties"
             for key in _unknown_keys(e).values() if key}
    for error in errors:
        path = tuple(error.absolute_path)
        line, record = document.line(*path), _record_of(document, path)
        if error.validator == "additionalProperties":
            where = "/".join(map(str, path)) or "the file"
            for wrong, key in _unknown_keys(error).items():
                hint = f": did you mean '{key}'?" if key else ""
                fix = f"rename it to '{key}'" if key else "remove it, or fix its spelling"
                problems.add(document.path, f"unknown key '{wrong}' under {where}{hint}", fix,
                             line=document.line(*path, wrong), record=record)
        elif (path, _missing_key(error)) not in meant:  # a misspelt key is reported once, as such
            message, fix = _message(error)
            problems.add(document.path, message, fix, line=line, record=record)
    return False
