#!/usr/bin/env python3
"""Compare a translation's shape with its English source (a quick check for translators).

Usage: python3 Tests/Tools/translation_shape.py Guidance/sextortion/guidance.md Guidance/sextortion/translations/pl.md

Checks: front matter parses and has the required keys; the same sequence of block kinds
(heading level, paragraph, list item, callout); the same link addresses in the same order; the
same phone numbers; the same services (name, phone, url). Prints what differs; exit 1 if anything does.
"""
import re
import sys

import yaml

PHONE = re.compile(r"(?<![\d])(?:\+44 ?|0)\d{2,4}(?: ?\d{3,4}){1,2}(?![\d])|\b101\b")
LINK = re.compile(r"\]\((https?://[^)\s]+)\)")


def split(path):
    text = open(path, encoding="utf-8").read()
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def blocks(body):
    kinds, previous_blank = [], True
    for line in body.splitlines():
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        if stripped.startswith("#"):
            kinds.append("h%d" % (len(stripped) - len(stripped.lstrip("#"))))
        elif stripped.startswith(">"):
            if previous_blank:
                kinds.append("callout")
        elif re.match(r"^[-*] ", stripped) or re.match(r"^\d+\. ", stripped):
            kinds.append("item")
        elif previous_blank:
            kinds.append("p")
        previous_blank = False
    return kinds


def main(english_path, translation_path):
    problems = []
    en_front, en_body = split(english_path)
    tr_front, tr_body = split(translation_path)
    for key in ["title", "summary", "language", "publisher", "source", "date", "services-title", "services",
                "status", "translated-from"]:
        if key not in tr_front:
            problems.append(f"front matter: missing `{key}`")
    if blocks(en_body) != blocks(tr_body):
        problems.append(f"blocks differ:\n  en: {blocks(en_body)}\n  tr: {blocks(tr_body)}")
    if LINK.findall(en_body) != LINK.findall(tr_body):
        problems.append(f"links differ:\n  en: {LINK.findall(en_body)}\n  tr: {LINK.findall(tr_body)}")
    en_phones = sorted(PHONE.findall(en_body)) + sorted(PHONE.findall(en_front.get("summary", "")))
    tr_phones = sorted(PHONE.findall(tr_body)) + sorted(PHONE.findall(tr_front.get("summary", "")))
    if en_phones != tr_phones:
        problems.append(f"phone numbers differ: en {en_phones}, tr {tr_phones}")
    for en, tr in zip(en_front.get("services", []), tr_front.get("services", [])):
        for key in ["name", "phone", "url"]:
            if str(en.get(key)) != str(tr.get(key)):
                problems.append(f"service {en['name']}: `{key}` is {tr.get(key)!r}, must be {en.get(key)!r}")
    if len(en_front.get("services", [])) != len(tr_front.get("services", [])):
        problems.append("a different number of services")
    for problem in problems:
        print(problem)
    print("shape OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
