package complyctl.ec2.sg_open_db_ports_test

import rego.v1

import data.complyctl.ec2.sg_open_db_ports as rule

kaa := {"$unknown": "known_after_apply"}

sg(ingress) := {
	"id": "module.data.aws_security_group.db[0]",
	"kind": "aws.ec2.security_group",
	"name": "db",
	"attributes": {"group_id": kaa, "group_name": "db", "is_default": false, "ingress": ingress, "egress": []},
}

perm(protocol, from, to, v4, v6) := {
	"protocol": protocol, "from_port": from, "to_port": to,
	"cidr_ipv4": v4, "cidr_ipv6": v6, "prefix_lists": [], "security_groups": [], "self": false,
	"description": null,
}

test_fail_postgres if {
	r := sg([perm("tcp", 5432, 5432, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (tcp 5432) opens database port 5432 (PostgreSQL) to 0.0.0.0/0"} with input as r
	not rule.compliant with input as r
}

test_fail_range_names_each_port if {
	r := sg([perm("tcp", 6000, 9999, [], ["::/0"])])
	rule.deny == {"ingress[0] (tcp 6000-9999) opens database ports 6379 (Redis), 7000 (Cassandra inter-node), 7001 (Cassandra inter-node TLS), 8020 (HDFS NameNode), 9042 (Cassandra CQL), 9200 (Elasticsearch HTTP), 9300 (Elasticsearch transport) to ::/0"} with input as r
}

test_fail_all_traffic if {
	r := sg([perm("-1", null, null, ["0.0.0.0/0"], [])])
	rule.deny == {"ingress[0] (all traffic) opens database ports 1433 (SQL Server), 1521 (Oracle), 3306 (MySQL), 5432 (PostgreSQL), 5984 (CouchDB), 6379 (Redis), 7000 (Cassandra inter-node), 7001 (Cassandra inter-node TLS), 8020 (HDFS NameNode), 9042 (Cassandra CQL), 9200 (Elasticsearch HTTP), 9300 (Elasticsearch transport), 11211 (Memcached), 27017 (MongoDB), 27018 (MongoDB shard), 50070 (HDFS NameNode web UI) to 0.0.0.0/0"} with input as r
}

test_fail_with_description if {
	p := object.union(perm("tcp", 27017, 27018, ["0.0.0.0/0"], []), {"description": "mongo for the vendor"})
	r := sg([p])
	rule.deny == {`ingress[0] (tcp 27017-27018, "mongo for the vendor") opens database ports 27017 (MongoDB), 27018 (MongoDB shard) to 0.0.0.0/0`} with input as r
}

test_fail_wins_over_unknown if {
	r := sg([{"$unknown": "ambiguous"}, perm("tcp", 3306, 3306, ["0.0.0.0/0"], [])])
	count(rule.deny) == 1 with input as r
	count(rule.unknown) == 1 with input as r
	not rule.compliant with input as r
}

test_pass_app_tier_source if {
	p := object.union(perm("tcp", 5432, 5432, [], []), {"security_groups": ["sg-0app"]})
	r := sg([p, perm("tcp", 6379, 6379, ["10.0.0.0/16"], [])])
	rule.compliant with input as r
	count(rule.deny) == 0 with input as r
	count(rule.unknown) == 0 with input as r
}

test_pass_web_ports_open if {
	r := sg([perm("tcp", 80, 80, ["0.0.0.0/0"], ["::/0"]), perm("tcp", 443, 443, ["0.0.0.0/0"], ["::/0"])])
	rule.compliant with input as r
}

test_pass_udp_memcached if {
	# Only TCP is checked.
	r := sg([perm("udp", 11211, 11211, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
}

test_pass_ssh_is_not_a_database_port if {
	r := sg([perm("tcp", 22, 22, ["0.0.0.0/0"], [])])
	rule.compliant with input as r
}

test_pass_no_ingress if {
	rule.compliant with input as sg([])
	rule.compliant with input as sg(null)
}

test_unknown_cidrs if {
	r := sg([perm("tcp", 1433, 1433, [kaa], [])])
	rule.unknown == {"ingress[0] (tcp 1433) may open database port 1433 (SQL Server) to the internet: cidr_ipv4 not known"} with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_ports if {
	r := sg([perm("tcp", kaa, kaa, ["0.0.0.0/0"], [])])
	count(rule.unknown) == 1 with input as r
	count(rule.deny) == 0 with input as r
	not rule.compliant with input as r
}

test_unknown_ingress_list if {
	r := sg({"$unknown": "not_collected"})
	rule.unknown == {"The ingress rules are not known (not_collected)"} with input as r
	not rule.compliant with input as r
}

test_unknown_bad_param if {
	r := sg([])
	count(rule.unknown) == 1 with input as r with data.params.database_ports as "5432"
	not rule.compliant with input as r with data.params.database_ports as "5432"
}
