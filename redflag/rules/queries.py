"""Every Cypher query the red-flag engine, the findings service and the reports run.

All values travel as parameters. The texts use only constructs both FalkorDB and Neo4j accept (see
docs/GRAPH-MODEL.md), so no query needs a per-dialect variant.
"""

from __future__ import annotations

from graph.queries import q

# ----------------------------------------------------------------------------- the transaction
TRANSACTION = q(
    "flags.transaction",
    "MATCH (t:Transaction {id: $id}) RETURN properties(t) AS t",
    "id",
)
TRANSACTION_PARTIES = q(
    "flags.transaction_parties",
    "MATCH (t:Transaction {id: $id})-[r:HAS_PARTY]->(e:Entity) "
    "RETURN r.role AS role, properties(e) AS e ORDER BY e.id, role",
    "id",
)
TRANSACTION_ITEMS = q(
    "flags.transaction_items",
    "MATCH (t:Transaction {id: $id})-[:INCLUDES]->(i:Item) "
    "OPTIONAL MATCH (i)-[:HAS_CAPABILITY]->(c:Capability) "
    "WITH i, collect(DISTINCT c.id) AS caps "
    "OPTIONAL MATCH (m:Entity)-[:MAKES]->(i) "
    "RETURN properties(i) AS item, caps, collect(DISTINCT {id: m.id, name: m.name}) AS makers",
    "id",
)
TRANSACTION_DESTINATION = q(
    "flags.transaction_destination",
    "MATCH (t:Transaction {id: $id})-[:DESTINED_FOR]->(c:Country) RETURN properties(c) AS c",
    "id",
)
TRANSACTION_TRANSITS = q(
    "flags.transaction_transits",
    "MATCH (t:Transaction {id: $id})-[r:TRANSITS]->(c:Country) "
    "RETURN properties(c) AS c, r.order AS ord, r.free_trade_zone AS ftz ORDER BY ord",
    "id",
)
COUNTRY_INDICATORS = q(
    "flags.country_indicators",
    "MATCH (c:Country {id: $id})-[:HAS_INDICATOR]->(i:Indicator) "
    "OPTIONAL MATCH (s:Source {id: i.source_id}) "
    "RETURN properties(i) AS i, s.publisher AS publisher, s.tier AS tier, s.url AS url",
    "id",
)
ENTITY_COUNTRIES = q(
    "flags.entity_countries",
    "UNWIND $ids AS eid MATCH (e:Entity {id: eid}) MATCH (e)-[:LOCATED_IN]->(c:Country) RETURN eid, c.id AS country",
    "ids",
)

# ----------------------------------------------------------------------------- evidence
PASSAGES = q(
    "flags.passages",
    "UNWIND $ids AS pid MATCH (p:Passage {id: pid}) "
    "OPTIONAL MATCH (p)-[:IN_DOCUMENT]->(d:Document) "
    "RETURN properties(p) AS p, d.title AS title, d.published AS published, d.url AS doc_url",
    "ids",
)

# ----------------------------------------------------------------------------- lists
DIRECT_LISTINGS = q(
    "flags.direct_listings",
    "UNWIND $ids AS eid MATCH (e:Entity {id: eid}) MATCH (e)-[:HAS_LISTING]->(l:Listing) "
    "RETURN eid, e.name AS name, properties(l) AS l",
    "ids",
)
ALIAS_LISTINGS = q(
    "flags.alias_listings",
    "UNWIND $ids AS eid MATCH (e:Entity {id: eid}) MATCH (e)-[s:SAME_AS|POSSIBLY_SAME_AS]-(o:Entity)-[:HAS_LISTING]->(l:Listing) "
    "WHERE o.id <> eid "
    "RETURN eid, type(s) AS rel, s.score AS score, s.judgement AS judgement, s.explanation AS explanation, "
    "o.id AS other_id, o.name AS other_name, properties(l) AS l",
    "ids",
)

# ----------------------------------------------------------------------------- reach and ties
SAME_AS_CLUSTER = q(
    "flags.same_as_cluster",
    "UNWIND $ids AS eid MATCH (e:Entity {id: eid}) MATCH p = (e)-[:SAME_AS|POSSIBLY_SAME_AS*1..2]-(o:Entity) "
    "WHERE o.id <> eid AND all(r IN relationships(p) WHERE (type(r) = 'SAME_AS' OR coalesce(r.score, 0.0) >= $threshold) "
    "AND coalesce(r.judgement, '') <> 'different') "
    "RETURN eid, o.id AS other, [r IN relationships(p) | {type: type(r), score: r.score}] AS links",
    "ids",
    "threshold",
)
SUPPLY_OUT = q(
    "flags.supply_out",
    "UNWIND $ids AS eid MATCH (a:Entity {id: eid}) MATCH (a)-[r:SUPPLIED]->(b:Entity) "
    "WHERE coalesce(r.status, 'extracted') <> 'rejected' AND coalesce(r.negated, false) = false "
    "RETURN eid, properties(r) AS r, properties(b) AS b",
    "ids",
)
OWNERS_CHAIN = q(
    "flags.owners_chain",
    "UNWIND $ids AS eid MATCH (e:Entity {id: eid}) MATCH p = (e)<-[:OWNS*1..4]-(o) "
    "WHERE all(r IN relationships(p) WHERE coalesce(r.status, 'curated') <> 'rejected') "
    "RETURN eid, [n IN nodes(p) | properties(n)] AS nodes, [r IN relationships(p) | properties(r)] AS rels "
    "LIMIT $limit",
    "ids",
    "limit",
)
TIES = q(
    "flags.ties",
    "UNWIND $ids AS eid MATCH (e:Entity {id: eid}) MATCH (e)-[r:OWNS|DIRECTOR_OF|LINKED_TO|HAS_ADDRESS]-(n) "
    "WHERE coalesce(r.status, 'curated') <> 'rejected' "
    "RETURN eid, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, properties(r) AS r, "
    "properties(n) AS n, labels(n) AS labels ORDER BY eid, type, source, target",
    "ids",
)

ENTITY_PROPS = q(
    "flags.entity_props",
    "UNWIND $ids AS eid MATCH (e:Entity {id: eid}) RETURN properties(e) AS e ORDER BY e.id",
    "ids",
)
ENTITY_NAMES = q(
    "flags.entity_names",
    "UNWIND $ids AS eid MATCH (e:Entity {id: eid}) RETURN e.id AS id, e.name AS name, e.origin AS origin",
    "ids",
)
ADDRESS_TIES = q(
    "flags.address_ties",
    "UNWIND $ids AS aid MATCH (a:Address {id: aid})<-[r:HAS_ADDRESS]-(n:Entity) "
    "RETURN aid AS eid, 'HAS_ADDRESS' AS type, n.id AS source, aid AS target, properties(r) AS r, "
    "properties(n) AS n, labels(n) AS labels ORDER BY eid, source",
    "ids",
)

# ----------------------------------------------------------------------------- events
# Anchored on the indexed id (``WITH`` before the second MATCH, label checked in WHERE): written as one
# pattern, FalkorDB's planner starts from a scan of every Event and the cost grows with the graph.
EVENTS_OF_ENTITY = q(
    "flags.events_of_entity",
    "UNWIND $ids AS eid MATCH (x:Entity {id: eid}) WITH eid, x MATCH (ev)-[p:PARTICIPANT]->(x) "
    "WHERE ev:Event AND ev.type IN $types AND coalesce(ev.status, 'extracted') <> 'rejected' AND coalesce(ev.negated, false) = false "
    "OPTIONAL MATCH (ev)-[pc:PARTICIPANT]->(c:Capability) "
    "WITH eid, p.role AS role, ev, collect(DISTINCT c.id) AS caps "
    "OPTIONAL MATCH (ev)-[po:PARTICIPANT]->(o) "
    "WITH eid, role, ev, caps, collect(DISTINCT {role: po.role, id: o.id, name: o.name}) AS others "
    "OPTIONAL MATCH (ev)-[:EVIDENCED_BY]->(ps:Passage) "
    "RETURN eid, role, properties(ev) AS ev, caps, others, collect(DISTINCT ps.id) AS passages "
    "ORDER BY eid, ev.id, role",
    "ids",
    "types",
)
EVENTS_OF_COUNTRY = q(
    "flags.events_of_country",
    "UNWIND $ids AS eid MATCH (x:Country {id: eid}) WITH eid, x MATCH (ev)-[p:PARTICIPANT]->(x) "
    "WHERE ev:Event AND ev.type IN $types AND coalesce(ev.status, 'extracted') <> 'rejected' AND coalesce(ev.negated, false) = false "
    "OPTIONAL MATCH (ev)-[pc:PARTICIPANT]->(c:Capability) "
    "WITH eid, p.role AS role, ev, collect(DISTINCT c.id) AS caps "
    "OPTIONAL MATCH (ev)-[po:PARTICIPANT]->(o) "
    "WITH eid, role, ev, caps, collect(DISTINCT {role: po.role, id: o.id, name: o.name}) AS others "
    "OPTIONAL MATCH (ev)-[:EVIDENCED_BY]->(ps:Passage) "
    "RETURN eid, role, properties(ev) AS ev, caps, others, collect(DISTINCT ps.id) AS passages "
    "ORDER BY eid, ev.id, role",
    "ids",
    "types",
)

# ----------------------------------------------------------------------------- findings
FINDING_STATES = q(
    "flags.finding_states",
    "MATCH (t:Transaction {id: $tx}) WITH t MATCH (f)-[:CONCERNS]->(t) WHERE f:Finding AND f.transaction_id = $tx "
    "RETURN properties(f) AS f",
    "tx",
)
RESOLUTIONS_OF = q(
    "flags.resolutions_of",
    "UNWIND $ids AS fid MATCH (r:Resolution)-[:RESOLVES]->(f:Finding {id: fid}) "
    "RETURN fid, properties(r) AS r",
    "ids",
)
COUNT_RESOLUTIONS = q(
    "flags.count_resolutions",
    "MATCH (r:Resolution)-[:RESOLVES]->(f:Finding {id: $id}) RETURN count(r) AS n",
    "id",
)
CREATE_RESOLUTION = q(
    "flags.create_resolution",
    "MATCH (f:Finding {id: $finding}) "
    "CREATE (r:Resolution {id: $id, finding_id: $finding, status: $status, reason: $reason, by: $by, at: $at, seq: $seq, "
    "chain_tx: $chain_tx, chain_seq: $chain_seq, chain_legacy: $chain_legacy, prev_mac: $prev_mac, mac: $mac}) "
    "CREATE (r)-[:RESOLVES {key: $key}]->(f) "
    "SET f.status = $status "
    "RETURN r.id AS id",
    "finding",
    "id",
    "status",
    "reason",
    "by",
    "at",
    "seq",
    "key",
    "chain_tx",
    "chain_seq",
    "chain_legacy",
    "prev_mac",
    "mac",
    write=True,
)
CREATE_DECISION = q(
    "flags.create_decision",
    "MATCH (t:Transaction {id: $tx}) "
    "CREATE (d:Decision {id: $id, transaction_id: $tx, decision: $decision, reason: $reason, by: $by, at: $at, "
    "chain_tx: $chain_tx, chain_seq: $chain_seq, chain_legacy: $chain_legacy, prev_mac: $prev_mac, mac: $mac}) "
    "CREATE (d)-[:DECIDES {key: $key}]->(t) "
    "RETURN d.id AS id",
    "tx",
    "id",
    "decision",
    "reason",
    "by",
    "at",
    "key",
    "chain_tx",
    "chain_seq",
    "chain_legacy",
    "prev_mac",
    "mac",
    write=True,
)
DECISIONS_OF = q(
    "flags.decisions_of",
    "MATCH (d:Decision)-[:DECIDES]->(t:Transaction {id: $tx}) RETURN properties(d) AS d",
    "tx",
)
SET_TRANSACTION_PROPS = q(
    "flags.set_transaction_props",
    "MATCH (t:Transaction {id: $tx}) SET t += $props RETURN t.id AS id",
    "tx",
    "props",
    write=True,
)

# ----------------------------------------------------------------------------- annual report
ALL_TRANSACTIONS = q(
    "flags.all_transactions",
    "MATCH (t:Transaction) RETURN t.id AS id, t.order_date AS order_date, t.ship_date AS ship_date, "
    "t.status AS status, t.last_review_at AS last_review_at ORDER BY id",
)
ALL_FINDINGS = q(
    "flags.all_findings",
    "MATCH (f:Finding) RETURN f.id AS id, f.rule AS rule, f.family AS family, f.transaction_id AS tx, "
    "f.first_seen AS first_seen, f.last_seen AS last_seen, f.status AS status, f.active AS active",
)
ALL_RESOLUTIONS = q(
    "flags.all_resolutions",
    "MATCH (r:Resolution) RETURN r.status AS status, r.at AS at, r.finding_id AS finding",
)
ALL_DECISIONS = q(
    "flags.all_decisions",
    "MATCH (d:Decision) RETURN d.transaction_id AS tx, d.decision AS decision, d.at AS at",
)
