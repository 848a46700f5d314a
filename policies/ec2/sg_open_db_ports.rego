# METADATA
# title: Security groups do not allow database and cache ports from the internet
# description: >-
#   Checks that no ingress permission of the security group allows any of the database,
#   cache and data-store ports of the database_ports parameter (by default SQL Server
#   1433, Oracle 1521, MySQL 3306, PostgreSQL 5432, CouchDB 5984, Redis 6379, Cassandra
#   7000/7001/9042, HDFS 8020/50070, Elasticsearch 9200/9300, Memcached 11211, MongoDB
#   27017/27018) from 0.0.0.0/0 or ::/0, including port ranges that contain them and
#   permissions for all protocols (-1). Data stores reachable from the internet are found
#   by scanners within hours and are a leading cause of mass data leaks and ransom wipes,
#   often because they run without authentication or with default credentials; they
#   belong in private subnets reached by application tiers only. The message names every
#   port that is open. Only TCP is checked. A permission whose address ranges, protocol
#   or ports are not known (for example computed in the same plan) and could cover one
#   of the ports from the internet makes the result unknown, unless another permission
#   definitely fails.
# custom:
#   id: EC2.SG_OPEN_DB_PORTS
#   severity: high
#   kind: aws.ec2.security_group
#   params:
#     database_ports: [1433, 1521, 3306, 5432, 5984, 6379, 7000, 7001, 8020, 9042, 9200, 9300, 11211, 27017, 27018, 50070]
#   remediation: >-
#     Remove the rules and allow the database ports only from the application tier's
#     security group or private address ranges; use a bastion, Session Manager port
#     forwarding or a VPN for administrator access. Console: EC2 > Security Groups > the
#     group > Inbound rules > Edit inbound rules, delete each rule that allows a listed
#     port from 0.0.0.0/0 or ::/0, or change its source to a security group. AWS CLI: aws
#     ec2 revoke-security-group-ingress --group-id GROUP_ID --protocol tcp --port PORT
#     --cidr 0.0.0.0/0 (and --ip-permissions with Ipv6Ranges for ::/0). Terraform: in the
#     aws_security_group ingress block, aws_security_group_rule or
#     aws_vpc_security_group_ingress_rule, replace cidr_blocks = ["0.0.0.0/0"] /
#     ipv6_cidr_blocks = ["::/0"] (cidr_ipv4 / cidr_ipv6) with source_security_group_id /
#     referenced_security_group_id or private ranges. For RDS, also set
#     publicly_accessible = false.
package complyctl.ec2.sg_open_db_ports

import rego.v1

import data.complyctl.lib
import data.complyctl.lib.ec2

param := data.params.database_ports

ports := ec2.port_set(param)

# A rule, not a repeated function call: the unknown and compliant decisions share it.
valid_param if ec2.valid_port_list(param)

ingress := object.get(input.attributes, "ingress", [])

perms := lib.list_or_empty(ingress)

deny contains msg if {
	some msg in ec2.open_port_messages(perms, ports, "database")
}

unknown contains sprintf("The database_ports parameter must be a list of TCP port numbers, not %v", [json.marshal(param)]) if {
	not valid_param
}

unknown contains sprintf("The ingress rules are not known (%v)", [lib.unknown_reason(ingress)]) if {
	lib.is_marker(ingress)
}

# The permissions that may open some of the ports (lib/ec2.rego): read by both decisions.
candidates := ec2.exposure_candidates(perms, ports)

unknown contains msg if {
	some msg in ec2.candidate_messages(perms, candidates, "database")
}

compliant if {
	valid_param
	is_array(perms)
	count(candidates) == 0
}
