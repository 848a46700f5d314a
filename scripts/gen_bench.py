#!/usr/bin/env python3
"""Synthetic benchmark inputs of N resources, shaped like the real thing.

    gen_bench.py plan N OUT.json
        A `terraform show -json` plan: the media-platform example plan (root resources, a
        for_each module of split S3 buckets linked by references, a network module, values
        unknown until apply) instantiated as many times as N needs, each copy under
        `module.shard_<i>` - the way a monorepo composes one stack per team or environment.
        Addresses, module addresses, planned_values, relevant_attributes and the configuration
        (module_calls with the copied module tree) are rewritten consistently, so the plan
        reader links split resources through references exactly as in the example.

    gen_bench.py inventory N EXAMPLE_INVENTORY.json OUT.json
        A normalized inventory: the resources of EXAMPLE_INVENTORY.json (`complyctl inventory
        --plan fixtures/plans/media-platform/plan.json`) repeated with distinct ids until there
        are N, plus a single aws.account resource (account rules read the whole inventory).

    gen_bench.py iam N OUT.json
        A live-shaped IAM inventory: N customer managed policies and N roles, each role with
        three of the policies and the AWS managed ReadOnlyAccess attached by ARN. The admin-privilege
        rules resolve every attachment against the policies, so this shows whether that
        lookup stays constant as the account grows (it used to scan all policies).

Deterministic: the same N gives the same bytes.
"""

import copy
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "fixtures/plans/media-platform/plan.json"


def prefix_address(addr, shard):
    return f"module.{shard}.{addr}"


def shard_module_values(mod, shard):
    """A planned_values / prior_state module, re-rooted under module.<shard>."""
    out = copy.deepcopy(mod)
    out["address"] = prefix_address(mod["address"], shard) if mod.get("address") else f"module.{shard}"
    for r in out.get("resources", []):
        r["address"] = prefix_address(r["address"], shard)
    out["child_modules"] = [shard_module_values(c, shard) for c in mod.get("child_modules", [])]
    return out


def plan(n, out_path):
    base = json.loads(EXAMPLE.read_text())
    per = len(base["resource_changes"])
    shards = [f"shard_{i:05d}" for i in range(max(1, -(-n // per)))]
    root_vars = base["configuration"]["root_module"].get("variables", {})
    values = base.get("variables", {})

    changes = []
    for s in shards:
        for rc in base["resource_changes"]:
            c = copy.deepcopy(rc)
            c["address"] = prefix_address(rc["address"], s)
            c["module_address"] = prefix_address(rc["module_address"], s) if rc.get("module_address") else f"module.{s}"
            changes.append(c)

    pv_root = base["planned_values"]["root_module"]
    planned = {
        "root_module": {
            "child_modules": [shard_module_values(pv_root, s) for s in shards],
        }
    }
    relevant = [
        {**ra, "resource": prefix_address(ra["resource"], s)}
        for s in shards
        for ra in base.get("relevant_attributes", [])
    ]
    calls = {}
    for s in shards:
        calls[s] = {
            "source": "./stack",
            # The example's root variables become the module's inputs.
            "expressions": {k: {"constant_value": values.get(k, {}).get("value")} for k in root_vars},
            "module": copy.deepcopy(base["configuration"]["root_module"]),
        }
    doc = {
        "format_version": base["format_version"],
        "terraform_version": base["terraform_version"],
        "planned_values": planned,
        "resource_changes": changes,
        "prior_state": base.get("prior_state", {}),
        "configuration": {
            "provider_config": base["configuration"]["provider_config"],
            "root_module": {"module_calls": calls},
        },
        "relevant_attributes": relevant,
        "timestamp": base.get("timestamp"),
        "applyable": True,
        "complete": True,
        "errored": False,
    }
    Path(out_path).write_text(json.dumps(doc, separators=(",", ":"), sort_keys=False))
    print(f"{out_path}: {len(changes)} resource changes in {len(shards)} module instances")


def inventory(n, example_path, out_path):
    base = json.loads(Path(example_path).read_text())
    account = [r for r in base["resources"] if r["kind"] == "aws.account"][:1]
    others = [r for r in base["resources"] if r["kind"] != "aws.account"]
    if not others:
        sys.exit(f"{example_path}: no resources to repeat")
    out = list(account)
    i = 0
    while len(out) < n:
        r = copy.deepcopy(others[i % len(others)])
        copy_no = i // len(others)
        r["id"] = f"{r['id']}#{copy_no}"
        if r.get("name"):
            r["name"] = f"{r['name']}-{copy_no}"
        if isinstance(r.get("terraform"), dict) and r["terraform"].get("address"):
            r["terraform"]["address"] = f"module.copy_{copy_no}.{r['terraform']['address']}"
        out.append(r)
        i += 1
    doc = dict(base)
    doc["resources"] = out
    doc.pop("sha256", None)
    doc.pop("collected_at", None)
    Path(out_path).write_text(json.dumps(doc, separators=(",", ":")))
    print(f"{out_path}: {len(out)} resources")


def iam(n, out_path):
    account = "123456789012"
    resources = [{
        "id": f"arn:aws::{account}:account/us-east-1", "kind": "aws.account", "source": "aws",
        "name": account, "account": account, "region": "us-east-1", "tags": {},
        "location": None, "attributes": {"account_id": account, "region": "us-east-1"},
    }]

    def live(arn, kind, name, attributes):
        return {"id": arn, "kind": kind, "source": "aws", "name": name, "account": account,
                "region": "us-east-1", "tags": {}, "location": None, "attributes": attributes}

    for i in range(n):
        arn = f"arn:aws:iam::{account}:policy/app-{i}"
        document = {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": f"arn:aws:s3:::app-{i}/*"}]}
        resources.append(live(arn, "aws.iam.policy", f"app-{i}", {
            "policy_name": f"app-{i}", "arn": arn, "aws_managed": False, "document": document,
            "attachment_count": 1, "attached_to": []}))
    # Live collection includes the AWS managed policies that are attached.
    managed = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    resources.append(live(managed, "aws.iam.policy", "ReadOnlyAccess", {
        "policy_name": "ReadOnlyAccess", "arn": managed, "aws_managed": True,
        "document": {"Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Action": ["s3:Get*", "s3:List*", "ec2:Describe*", "iam:Get*"],
            "Resource": "*"}]},
        "attachment_count": n, "attached_to": []}))
    trust = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"},
        "Action": "sts:AssumeRole"}]}
    for i in range(n):
        arn = f"arn:aws:iam::{account}:role/svc-{i}"
        attached = [f"arn:aws:iam::{account}:policy/app-{(i * 7 + k) % n}" for k in range(3)]
        attached.append(managed)
        resources.append(live(arn, "aws.iam.role", f"svc-{i}", {
            "role_name": f"svc-{i}", "arn": arn, "path": "/", "assume_role_policy": trust,
            "attached_policies": attached, "inline_policies": [], "service_linked": False}))
    doc = {
        "schema_version": 1,
        "sources": [{"type": "aws", "account": account, "regions": ["us-east-1"]}],
        "skipped": {"deleted": 0, "unsupported": {}, "non_aws": 0, "data_sources": 0, "unlinked": {}},
        "errors": [],
        "resources": resources,
    }
    Path(out_path).write_text(json.dumps(doc, separators=(",", ":")))
    print(f"{out_path}: {len(resources)} resources")


def main(argv):
    if len(argv) == 4 and argv[1] == "plan":
        plan(int(argv[2]), argv[3])
    elif len(argv) == 5 and argv[1] == "inventory":
        inventory(int(argv[2]), argv[3], argv[4])
    elif len(argv) == 4 and argv[1] == "iam":
        iam(int(argv[2]), argv[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
