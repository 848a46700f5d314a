#!/usr/bin/env python3
"""Write docs/rules.md from the built-in rules' metadata (the target of SARIF helpUri links).

    cargo run -q -- policy list --format json | python3 scripts/rules-doc.py > docs/rules.md
"""
import json
import sys

rules = [r for r in json.load(sys.stdin) if r.get("builtin")]
rules.sort(key=lambda r: r["id"])
out = []
w = out.append
w("# Built-in rules\n")
w("Generated from the rules' metadata (`policies/**/*.rego`) by `scripts/rules-doc.py`;")
w("`complyctl policy show ID` prints the same. SARIF `helpUri` links point at the anchors below.\n")
w("| rule | severity | resource kind | title |")
w("|---|---|---|---|")
for r in rules:
    w(f"| [{r['id']}](#{r['id'].lower()}) | {r['severity']} | `{r['kind']}` | {r['title']} |")
w("")
for r in rules:
    w(f'<a id="{r["id"].lower()}"></a>\n')
    w(f"## {r['id']}: {r['title']}\n")
    w(f"Severity **{r['severity']}** · resource kind `{r['kind']}`\n")
    w(f"{r['description']}\n")
    w(f"**Remediation.** {r['remediation']}\n")
    controls = r.get("controls") or {}
    if controls:
        w("**Controls.**\n")
        for fw in sorted(controls):
            w(f"- {fw}: {', '.join(controls[fw])}")
        w("")
    refs = r.get("references") or []
    if refs:
        w("**References.**\n")
        for ref in refs:
            w(f"- <{ref}>")
        w("")
sys.stdout.write("\n".join(out).rstrip("\n") + "\n")
