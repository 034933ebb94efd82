"""YAML coding files read with line numbers, and checked against their JSON Schemas with located errors."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema
import yaml

from .errors import Collector
from .project import Project
from .schema import load_vocabularies

try:  # libyaml is several times faster; the pure-Python loader gives the same nodes
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as Loader

_SCALARS = {
    "tag:yaml.org,2002:null": lambda v: None,
    "tag:yaml.org,2002:bool": lambda v: v.lower() in ("true", "yes", "on"),
    "tag:yaml.org,2002:int": int,
    "tag:yaml.org,2002:float": float,
}


@dataclass
class Document:
    """A parsed YAML file: plain data plus the line of every node, keyed by its path."""

    path: str
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, *path) -> int | None:
        """Line of the deepest existing node on the path (1-based)."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


def _convert(node: yaml.Node, path: tuple, lines: dict, problems: Collector, file: str):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            key = _convert(key_node, path + ("<key>",), {}, problems, file)
            if key in result:
                problems.add(file, f"key '{key}' appears twice in the same mapping",
                             "remove or rename one of them", line=key_node.start_mark.line + 1)
            result[key] = _convert(value_node, path + (key,), lines, problems, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (i,), lines, problems, file) for i, item in enumerate(node.value)]
    convert = _SCALARS.get(node.tag)
    return convert(node.value) if convert else node.value


def read_yaml(path: Path, shown_as: str, problems: Collector) -> Document | None:
    """Parse a YAML file; syntax errors and duplicate keys are collected, not raised."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        problems.add(shown_as, f"not valid UTF-8 at byte {error.start}", "save the file as UTF-8")
        return None
    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        problems.add(shown_as, f"YAML syntax error: {problem}",
                     "check indentation, colons and quoting around this line",
                     line=mark.line + 1 if mark else None)
        return None
    document = Document(path=shown_as, data=None)
    if node is not None:
        document.data = _convert(node, (), document.lines, problems, shown_as)
    return document


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
           ("title", "type", "additionalProperties", "required", "properties", "dependentRequired")}
    schema["$defs"] = definitions | own
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return _inject_vocabularies(schema, load_vocabularies(root))


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
    if error.validator == "dependentRequired":
        return f"{where}: {error.message}", "an entry that defines a record gives all its fields"
    if error.validator == "oneOf" and error.context:
        best = jsonschema.exceptions.best_match(error.context)
        return f"{where}: {best.message}", "see the coding guide for the expected form"
    return f"{where}: {error.message}", "see the coding guide for the expected form"


def check_structure(document: Document, schema: dict, problems: Collector) -> bool:
    """Validate a document against a coding schema; every violation is collected with its line."""
    validator = jsonschema.Draft202012Validator(schema)
    ok = True
    for error in sorted(validator.iter_errors(document.data), key=lambda e: list(map(str, e.absolute_path))):
        ok = False
        message, fix = _message(error)
        path = tuple(error.absolute_path)
        problems.add(document.path, message, fix, line=document.line(*path), record=_record_of(document, path))
    return ok
