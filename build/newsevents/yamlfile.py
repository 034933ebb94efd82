"""YAML coding files: parsed fast, checked against their JSON Schemas, errors located by line.

Data comes from yaml-rs (a Rust YAML 1.2 parser, ~10× PyYAML with libyaml). Line numbers are needed only
to report a problem, so they are computed on demand by composing that one file with PyYAML, whose node
marks carry them. Structure is checked with a compiled validator (fastjsonschema); only a file that fails
is re-checked with jsonschema, which lists every violation with its path.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import fastjsonschema
import jsonschema
import yaml
import yaml_rs

from .errors import Collector
from .project import Project
from .schema import load_vocabularies

try:  # libyaml when the wheel has it; the pure-Python loader gives the same nodes
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader

RS_LINE = re.compile(r"at line (\d+)")


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
            _record_lines(yaml.compose(self.text, Loader=Loader), (), self._lines)
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


def _record_lines(node: yaml.Node | None, path: tuple, lines: dict) -> None:
    if node is None:
        return
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _record_lines(value_node, path + (key_node.value,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines)


def read_yaml(path: Path, shown_as: str, problems: Collector) -> Document | None:
    """Parse a YAML file; syntax errors and duplicate keys are collected, not raised."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        problems.add(shown_as, f"not valid UTF-8 at byte {error.start}", "save the file as UTF-8")
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False) if text.strip() else None
    except yaml_rs.YAMLDecodeError as error:
        message = str(error).strip().splitlines()
        line = RS_LINE.search(message[0])
        detail = message[-1].strip() if len(message) > 1 else message[0]
        problems.add(shown_as, f"YAML syntax error: {detail}",
                     "check indentation, colons and quoting around this line; a key may appear only once",
                     line=int(line.group(1)) if line else _duplicate_key_line(text, detail))
        return None
    return Document(path=shown_as, data=data, text=text)


def _duplicate_key_line(text: str, detail: str) -> int | None:
    """Line of the second occurrence of a duplicated key named in a parser message."""
    key = re.search(r"duplicate mapping key: '(.*)'", detail)
    if not key:
        return None
    pattern = re.compile(rf"^\s*(?:- )?{re.escape(key.group(1))}\s*:", re.MULTILINE)
    found = [text.count("\n", 0, m.start()) + 1 for m in pattern.finditer(text)]
    return found[1] if len(found) > 1 else None


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
    if error.validator == "additionalProperties":
        return f"unknown key under {where}: {error.message}", "remove it, or fix its spelling"
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


def check_structure(document: Document, schema: dict, problems: Collector) -> bool:
    """Validate a document against a coding schema; every violation is collected with its line."""
    try:
        _fast_validator(schema)(document.data)
        return True
    except fastjsonschema.JsonSchemaException:
        pass
    validator = jsonschema.Draft7Validator(schema)
    for error in sorted(validator.iter_errors(document.data), key=lambda e: list(map(str, e.absolute_path))):
        message, fix = _message(error)
        path = tuple(error.absolute_path)
        problems.add(document.path, message, fix, line=document.line(*path), record=_record_of(document, path))
    return False
