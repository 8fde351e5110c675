#!/usr/bin/env python3
"""Copies each example region `// [snippet:NAME]` ... `// [/snippet:NAME]` from sdk-examples into the java block
that follows `<!-- snippet:NAME -->` in README.md. ReadmeSnippetsTest fails the build when the two differ."""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
regions = {}
for path in sorted((root / "sdk-examples/src/main/java").rglob("*.java")):
    for m in re.finditer(r"// \[snippet:([a-z0-9-]+)]\n(.*?)\n\s*// \[/snippet:\1]", path.read_text(), re.S):
        lines = m.group(2).split("\n")
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
        regions[m.group(1)] = "\n".join(l[indent:].rstrip() if l.strip() else "" for l in lines) + "\n"

readme = root / "README.md"
text = readme.read_text()
missing = []


def fill(m):
    name = m.group(1)
    if name not in regions:
        missing.append(name)
        return m.group(0)
    return "<!-- snippet:%s -->\n```java\n%s```" % (name, regions[name])


text = re.sub(r"<!-- snippet:([a-z0-9-]+) -->\s*```java\n.*?```", fill, text, flags=re.S)
readme.write_text(text)
if missing:
    sys.exit("no example region for: " + ", ".join(missing))
