#!/usr/bin/env python3
"""Writes Sources/AdvisorCore/Catalog/BundledRules.swift from the YAML files in rules/.

The binary embeds its rules so it works from any directory and after installation.
Run after editing rules/; a test fails while the embedded copy differs from rules/.

Two forms are embedded:
- `files`: the YAML texts, as they are in rules/ (tests compare them with the folder);
- `preparsed`: the same files already parsed into document trees, in the form
  Sources/AdvisorCore/Documents/PreparsedDocuments.swift describes, so start-up parses no YAML (parsing
  the bundled YAML with Yams was most of the time of every command). A test checks that it
  matches what Yams makes of `files`, node for node, locations included. When a file uses YAML
  this script does not reproduce exactly (anchors, aliases, explicit tags, duplicate keys,
  syntax errors, an empty file), `preparsed` is nil and the binary parses the YAML as before,
  with the same error messages.

`--check` exits 1 when the generated file differs from what this script would write.
"""
import pathlib
import re
import sys

try:
    import yaml
except ImportError:
    sys.exit("scripts/embed-rules.py needs PyYAML: python3 -m pip install PyYAML")

root = pathlib.Path(__file__).resolve().parent.parent
rules = root / "rules"
out = root / "Sources" / "AdvisorCore" / "Catalog" / "BundledRules.swift"

# Yams' Resolver.default rules, in its order (Yams/Sources/Yams/Resolver.swift): a plain scalar
# takes the type of the first rule that matches, and DocNode keeps bool, int, float and null.
RESOLVER = [
    ("B", r"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
    ("I", r"^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
          r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"),
    ("F", r"^(?:[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
          r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    ("S", r"^(?:<<)$"),
    ("N", r"^(?:~|null|Null|NULL|)$"),
    ("S", r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
          r"(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"),
    ("S", r"^(?:=)$"),
]
RESOLVER = [(kind, re.compile(pattern)) for kind, pattern in RESOLVER]
MAX_BYTES = 4 * 1024 * 1024  # DocNode.maxBytes
HEADER = "apigw-doc 1"       # PreparsedDocuments.header


class NotReproduced(Exception):
    """The file uses YAML whose parse this script does not reproduce exactly; the binary parses it instead."""


def scalar_kind(event):
    if event.style in ("'", '"', "|", ">"):
        return "S"
    for kind, pattern in RESOLVER:
        if pattern.match(event.value):
            return kind
    return "S"


def encode_node(events, position, out):
    """Appends the node starting at events[position]; returns the position after it."""
    event = events[position]
    if getattr(event, "anchor", None) is not None or isinstance(event, yaml.AliasEvent):
        raise NotReproduced("anchors and aliases")
    if getattr(event, "tag", None) is not None:
        raise NotReproduced("explicit tags")
    where = f"{event.start_mark.line + 1},{event.start_mark.column + 1},"
    if isinstance(event, yaml.ScalarEvent):
        text = event.value.encode("utf-8")
        out.append(f"{scalar_kind(event)}{where}{len(text)}:".encode() + text + b"\n")
        return position + 1
    if isinstance(event, yaml.SequenceStartEvent):
        header = len(out)
        out.append(b"")
        position += 1
        count = 0
        while not isinstance(events[position], yaml.SequenceEndEvent):
            position = encode_node(events, position, out)
            count += 1
        out[header] = f"s{where}{count}:\n".encode()
        return position + 1
    if isinstance(event, yaml.MappingStartEvent):
        header = len(out)
        out.append(b"")
        position += 1
        count = 0
        keys = set()
        while not isinstance(events[position], yaml.MappingEndEvent):
            key = events[position]
            # Yams rejects duplicate keys; leave any doubt to it.
            if not isinstance(key, yaml.ScalarEvent) or key.value in keys:
                raise NotReproduced("complex or duplicate keys")
            keys.add(key.value)
            position = encode_node(events, position, out)
            position = encode_node(events, position, out)
            count += 1
        out[header] = f"m{where}{count}:\n".encode()
        return position + 1
    raise NotReproduced(f"unexpected event {event}")


def is_empty(text):
    """DocNode.parse's test for a file with nothing but blank lines and comments."""
    trimmed = text.strip()
    return not trimmed or all(line.startswith("#") or not line.strip() for line in trimmed.split("\n"))


def encode_file(name, text):
    if len(text.encode("utf-8")) > MAX_BYTES or is_empty(text):
        raise NotReproduced("too large or empty")
    try:
        loader = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader
        events = list(yaml.parse(text, Loader=loader))
    except yaml.YAMLError as error:
        raise NotReproduced(f"YAML error: {error}")
    # StreamStart, DocumentStart, the root node, DocumentEnd, StreamEnd: exactly one document.
    starts = [i for i, e in enumerate(events) if isinstance(e, yaml.DocumentStartEvent)]
    if len(starts) != 1:
        raise NotReproduced("not exactly one document")
    nodes = []
    end = encode_node(events, starts[0] + 1, nodes)
    if not isinstance(events[end], yaml.DocumentEndEvent):
        raise NotReproduced("trailing content")
    body = b"".join(nodes)
    # The body's length lets a reader skip a file it does not need (the cases, outside `lint`).
    encoded_name = name.encode("utf-8")
    return f"@{len(encoded_name)}:".encode() + encoded_name + f",{len(body)}\n".encode() + body


def preparsed_literal(texts):
    """The `preparsed` Swift declaration value: a raw string literal, or nil when a file is not reproduced."""
    try:
        body = HEADER.encode() + b"\n" + b"".join(encode_file(name, text) for name, text in texts) + b"end\n"
    except NotReproduced as reason:
        print(f"note: the bundled rules are embedded as YAML only ({reason})", file=sys.stderr)
        return "nil"
    payload = body.decode("utf-8")
    # A Swift literal turns CR into LF and cannot hold NUL; such text stays on the YAML path.
    if "\r" in payload or "\x00" in payload:
        print("note: the bundled rules are embedded as YAML only (CR or NUL in a value)", file=sys.stderr)
        return "nil"
    hashes = 1
    while ('"""' + "#" * hashes) in payload or ("\\" + "#" * hashes) in payload:
        hashes += 1
    fence = "#" * hashes
    # The literal drops the newline before its closing delimiter, so the payload keeps its own.
    return f'{fence}"""\n{payload}\n"""{fence}'


parts = [
    "// Generated by scripts/embed-rules.py from rules/. Do not edit: edit rules/ and run the script.\n",
    "\n",
    "/// The rules shipped with apigw-advisor, embedded so the binary works from any directory.\n",
    "public enum BundledRules {\n",
    "    /// The files of the bundled rules folder.\n",
    "    public static let files: [RuleFile] = [\n",
]
texts = []
for path in sorted(rules.glob("*.yaml")):
    text = path.read_text(encoding="utf-8")
    if '"""#' in text or "\\#" in text:
        sys.exit(f"{path}: contains the sequence \"\"\"# or \\# which cannot be embedded")
    if not text.endswith("\n"):
        text += "\n"
    texts.append((f"<bundled>/{path.name}", text))
    # The extra newline: a Swift literal drops the one before its closing delimiter.
    parts.append(f'        RuleFile(name: "<bundled>/{path.name}", text: #"""\n{text}\n"""#),\n')
parts.append("    ]\n\n")
parts.append("    /// The same files parsed ahead of time (see PreparsedDocuments); nil when the script could not reproduce the parse.\n")
parts.append(f"    static let preparsed: String? = {preparsed_literal(texts)}\n")
parts.append("}\n")
new = "".join(parts)
if "--check" in sys.argv:
    current = out.read_text(encoding="utf-8") if out.exists() else ""
    if current != new:
        sys.exit("Sources/AdvisorCore/Catalog/BundledRules.swift is out of date: run scripts/embed-rules.py")
    sys.exit(0)
out.write_text(new, encoding="utf-8")
print(f"wrote {out.relative_to(root)} ({len(new)} bytes)")
