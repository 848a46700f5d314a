#!/usr/bin/env python3
"""Seed a moto server for the live benchmark: 500 S3 buckets, 500 IAM users, 200 security
groups (half open to the world on 22).

Usage: bench_seed_moto.py ENDPOINT_URL    (a moto server)
       bench_seed_moto.py -               (AWS's own endpoints: through moto's proxy, with
                                           HTTPS_PROXY and AWS_CA_BUNDLE set)"""

import sys

import boto3

url = sys.argv[1]
kw = dict(region_name="us-east-1")
if url != "-":
    kw["endpoint_url"] = url
s3 = boto3.client("s3", **kw)
iam = boto3.client("iam", **kw)
ec2 = boto3.client("ec2", **kw)
for i in range(500):
    s3.create_bucket(Bucket=f"bench-bucket-{i:04d}")
for i in range(500):
    iam.create_user(UserName=f"bench-user-{i:04d}")
for i in range(200):
    g = ec2.create_security_group(GroupName=f"bench-sg-{i:04d}", Description="bench")
    if i % 2 == 0:
        ec2.authorize_security_group_ingress(
            GroupId=g["GroupId"], IpProtocol="tcp", FromPort=22, ToPort=22, CidrIp="0.0.0.0/0"
        )
print("seeded 500 buckets, 500 users, 200 security groups", file=sys.stderr)
