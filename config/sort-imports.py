#!/usr/bin/env python3
"""Puts the import block of Java sources in the order config/checkstyle.xml checks (CustomImportOrder).

Static imports first, then all others; each block sorted name by name, comparing the dot-separated parts in turn
(the order Checkstyle uses, so `a.b.C` comes before `a.bc.D`); one blank line between the two blocks, none inside
them; duplicates dropped. Everything before the first import and after the last one is left as it is. A file whose
import block holds anything but imports and blank lines (a comment, say) is reported and left alone.

Rewrites files in place and is idempotent. Usage: config/sort-imports.py [PATH ...] (default: the repository root);
--check lists the files it would change and exits 1 if there are any.
"""
import os
import re
import sys

IMPORT = re.compile(r"^import\s+(static\s+)?([\w.]+(?:\.\*)?)\s*;\s*$")


def key(name):
    return tuple(name.split("."))


def sort_block(text):
    lines = text.split("\n")
    idx = [i for i, line in enumerate(lines) if IMPORT.match(line)]
    if not idx:
        return text, None
    first, last = idx[0], idx[-1]
    statics, others = set(), set()
    for line in lines[first:last + 1]:
        if not line.strip():
            continue
        m = IMPORT.match(line)
        if not m:
            return text, "import block holds something other than imports: %r" % line
        (statics if m.group(1) else others).add(m.group(2))
    block = ["import static %s;" % n for n in sorted(statics, key=key)]
    if statics and others:
        block.append("")
    block += ["import %s;" % n for n in sorted(others, key=key)]
    return "\n".join(lines[:first] + block + lines[last + 1:]), None


def java_files(paths):
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = [d for d in dirs if d not in ("target", "node_modules") and not d.startswith(".")]
            for f in files:
                if f.endswith(".java"):
                    yield os.path.join(root, f)


def main(argv):
    check = "--check" in argv
    paths = [a for a in argv if a != "--check"] or [os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")]
    changed, problems = [], 0
    for path in sorted(java_files(paths)):
        with open(path, encoding="utf-8", newline="") as f:
            text = f.read()
        new, problem = sort_block(text)
        if problem:
            print("%s: left alone, %s" % (path, problem), file=sys.stderr)
            problems += 1
        elif new != text:
            changed.append(path)
            if not check:
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(new)
    for path in changed:
        print(("would reorder " if check else "reordered ") + os.path.normpath(path))
    return 1 if (check and changed) or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
