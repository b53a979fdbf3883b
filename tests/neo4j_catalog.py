"""Which test executes each catalog query on a real Neo4j server, with data.

``COVERAGE`` names, for every query of the catalog (graph/queries.py ``REGISTRY``, templates by their own name),
one ``neo4j`` test that runs it on Neo4j in its own process and checks its result against the embedded FalkorDB
(the same answer on the same data, or the same expected value on every backend). A read query counts when it
returned at least one row, a write when it ran (writes return no rows; the test compares the graph they leave).

Two checks keep this true:
- tests/graph/test_query_catalog_neo4j.py fails when a query of the catalog is not in ``COVERAGE`` (a new query
  nobody runs on Neo4j) or ``COVERAGE`` names a query or a test that does not exist;
- the ``neo4j_catalog_queries`` fixture of tests/neo4j_server.py (used by every ``neo4j`` test) fails a test
  that is named here for a query it did not run on Neo4j with rows.
Rebuild the table from a run: ``REDFLAG_TEST_NEO4J_QUERIES=/tmp/q.jsonl pytest -m neo4j ...`` records, per test,
every query it ran and its most rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

WRITE_RAN = 0
"""What the recorder notes for a write query (it returns no rows): ran. A read that returned nothing is -1."""

_DEMO = "test_demo_neo4j.py::"
_CATALOG = "test_query_catalog_neo4j.py::"
_CONTRACT = "test_store_contract.py::"
_MIGRATE = "test_migrate_neo4j.py::"

COVERAGE: dict[str, str] = {
    "audit.chain_decisions": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "audit.chain_resolutions": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "audit.get_anchor": _DEMO + "test_audit_anchors_judgements_and_list_reads_are_the_same",
    "audit.put_anchor": _DEMO + "test_audit_anchors_judgements_and_list_reads_are_the_same",
    "deals.clear_links": _DEMO + "test_deals_import_is_the_same",
    "deals.existing_items": _DEMO + "test_deals_import_is_the_same",
    "deals.find_entity_by_id": _DEMO + "test_deals_import_is_the_same",
    "deals.find_entity_by_name": _DEMO + "test_deals_import_is_the_same",
    "deals.find_other_records_by_name": _DEMO + "test_deals_import_is_the_same",
    "deals.registered_items": _DEMO + "test_deals_import_is_the_same",
    "deals.stored_parties": _DEMO + "test_deals_import_is_the_same",
    "demo.transaction_ids": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "explore.degree": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.entity": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.entity_events": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.entity_evidence": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.entity_findings": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.entity_list_names": _DEMO + "test_audit_anchors_judgements_and_list_reads_are_the_same",
    "explore.entity_mentions": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.entity_transactions": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.events_by_date": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.in_edges": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.judge_relation": _DEMO + "test_audit_anchors_judgements_and_list_reads_are_the_same",
    "explore.newest_findings": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.node": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.out_edges": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.passages": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.review_relations": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.review_same_as": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.search_pool": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "explore.transactions": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "fetching.document_entities": _DEMO + "test_audit_anchors_judgements_and_list_reads_are_the_same",
    "fetching.document_events": _DEMO + "test_audit_anchors_judgements_and_list_reads_are_the_same",
    "flags.address_ties": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.set_transaction_props": _DEMO + "test_the_review_stamp_and_a_checklist_answer_are_the_same",
    "flags.alias_listings": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.all_decisions": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.all_findings": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.all_resolutions": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.all_transactions": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.count_resolutions": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "flags.country_indicators": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.create_decision": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "flags.create_resolution": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "flags.decisions_of": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "flags.direct_listings": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.entity_countries": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.entity_names": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.entity_props": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.events_of_country": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.events_of_entity": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.finding_states": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.passages": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.resolutions_of": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "flags.same_as_cluster": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.supply_out": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.ties": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.transaction": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.transaction_destination": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.transaction_items": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.transaction_parties": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "flags.transaction_transits": _DEMO + "test_the_flag_evaluation_in_process_is_the_same",
    "list_versions.all": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "list_versions.listed_count": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "loading.entity_ids": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "lookup.all_entities": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "lookup.deal_party_ids": _DEMO + "test_the_ui_and_lookup_views_are_the_same",
    "lookup.same_as_of": _DEMO + "test_audit_anchors_judgements_and_list_reads_are_the_same",
    "migrate.add_label": _MIGRATE + "test_an_interrupted_copy_into_neo4j_resumes",
    "migrate.list_indexes": _MIGRATE + "test_an_interrupted_copy_into_neo4j_resumes",
    "migrate.read_nodes": _DEMO + "test_the_demo_graph_read_back_out_of_neo4j_is_the_embedded_one",
    "migrate.read_rels": _DEMO + "test_the_demo_graph_read_back_out_of_neo4j_is_the_embedded_one",
    "paths.entity": _DEMO + "test_paths_at_every_depth_are_the_same",
    "paths.from_party_depth_1": _DEMO + "test_paths_at_every_depth_are_the_same",
    "paths.from_party_depth_2": _DEMO + "test_paths_at_every_depth_are_the_same",
    "paths.from_party_depth_3": _DEMO + "test_paths_at_every_depth_are_the_same",
    "paths.from_party_depth_4": _DEMO + "test_paths_at_every_depth_are_the_same",
    "paths.from_party_depth_5": _DEMO + "test_paths_at_every_depth_are_the_same",
    "paths.from_party_depth_6": _DEMO + "test_paths_at_every_depth_are_the_same",
    "paths.passages": _DEMO + "test_paths_at_every_depth_are_the_same",
    "paths.target_abuses": _DEMO + "test_paths_at_every_depth_are_the_same",
    "paths.target_countries": _DEMO + "test_paths_at_every_depth_are_the_same",
    "paths.target_listings": _DEMO + "test_paths_at_every_depth_are_the_same",
    "paths.transaction_parties": _DEMO + "test_paths_at_every_depth_are_the_same",
    "pipeline.any_list_entity": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "pipeline.gazetteer_countries": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "pipeline.gazetteer_entities": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "pipeline.gazetteer_items": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "pipeline.listed_entity_names": _DEMO + "test_audit_anchors_judgements_and_list_reads_are_the_same",
    "screening.clear_scored_links": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "screening.deal_findings": _DEMO + "test_deals_import_is_the_same",
    "screening.deal_parties": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "screening.judge_pair": _DEMO + "test_audit_anchors_judgements_and_list_reads_are_the_same",
    "screening.list_candidates": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "screening.mark_deal_party_screened": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "screening.resolution_records": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "screening_ops.party_transactions": _DEMO + "test_audit_anchors_judgements_and_list_reads_are_the_same",
    "stewardship.abuse_events": _DEMO + "test_the_item_register_is_the_same",
    "stewardship.acknowledge_alerts": _DEMO + "test_monitoring_alerts_are_stored_listed_and_acknowledged_the_same",
    "stewardship.affected_transactions": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.alerts": _DEMO + "test_monitoring_alerts_are_stored_listed_and_acknowledged_the_same",
    "stewardship.append_grievance_step": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.country_names": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.create_grievance": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.create_grievance_passage": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.curated_names": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.entities_by_id": _DEMO + "test_the_item_register_is_the_same",
    "stewardship.existing_alerts": _DEMO + "test_monitoring_alerts_are_stored_listed_and_acknowledged_the_same",
    "stewardship.grievance": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.grievance_by_receipt": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.grievance_steps": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.grievances": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.item": _DEMO + "test_the_item_register_is_the_same",
    "stewardship.item_names": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.item_transactions": _DEMO + "test_the_item_register_is_the_same",
    "stewardship.items": _DEMO + "test_the_item_register_is_the_same",
    "stewardship.monitor_transactions": _DEMO + "test_monitoring_alerts_are_stored_listed_and_acknowledged_the_same",
    "stewardship.node_exists": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "stewardship.party_list_records": _DEMO + "test_monitoring_alerts_are_stored_listed_and_acknowledged_the_same",
    "stewardship.pending_alerts": _DEMO + "test_monitoring_alerts_are_stored_listed_and_acknowledged_the_same",
    "stewardship.set_grievance": _DEMO + "test_grievance_intake_triage_and_status_are_the_same",
    "store.any_node": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "store.clear_batch": _CONTRACT + "test_clear_deletes_everything_a_batch_at_a_time",
    "store.clear_rels_batch": _CONTRACT + "test_clear_deletes_everything_a_batch_at_a_time",
    "store.count_labels": _CONTRACT + "test_loading_the_same_batch_twice_changes_nothing",
    "store.count_rels": _CONTRACT + "test_loading_the_same_batch_twice_changes_nothing",
    "store.delete_nodes": _CONTRACT + "test_an_awkward_value_can_be_a_node_id",
    "store.dump_nodes": _CONTRACT + "test_the_dump_has_one_order_whatever_the_order_of_writing",
    "store.dump_rels": _CONTRACT + "test_two_relationships_with_different_keys_between_the_same_nodes_are_both_kept",
    "store.get_node": _CONTRACT + "test_a_second_load_updates_properties_in_place",
    "store.merge_nodes": _CONTRACT + "test_loading_the_same_batch_twice_changes_nothing",
    "store.merge_rels": _CONTRACT + "test_loading_the_same_batch_twice_changes_nothing",
    "explore.entity_listings": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "flags.owners_chain": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "lookup.entity_by_id": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "loading.delete_document_events": _DEMO + "test_a_document_re_extracted_to_nothing_leaves_the_same_graph",
    "loading.delete_document_passages": _DEMO + "test_a_document_re_extracted_to_nothing_leaves_the_same_graph",
    "loading.delete_document_relations": _DEMO + "test_a_document_re_extracted_to_nothing_leaves_the_same_graph",
    "loading.delete_orphan_extracted_entities": _DEMO + "test_a_document_re_extracted_to_nothing_leaves_the_same_graph",
    "screening.judgements": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "store.create_index": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
    "store.create_rel_index": _DEMO + "test_the_pipeline_steps_and_the_audit_chain_rerun_in_process_are_the_same",
}

NOT_YET: dict[str, str] = {}
"""Queries of the catalog no ``neo4j`` test executes with data yet, and why. Each still compiles on Neo4j
(test_query_catalog_neo4j.py EXPLAINs every query); removing an entry here is the way to record it now runs."""


def claimed_by(test: str) -> list[str]:
    """The queries ``COVERAGE`` says ``test`` (``file::function``) executes on Neo4j with data."""
    return sorted(name for name, owner in COVERAGE.items() if owner == test)


def missing(claimed: Iterable[str], seen: Mapping[str, int]) -> list[str]:
    """Of ``claimed``, those ``seen`` (name -> most rows; ``WRITE_RAN`` for a write) does not show executed
    with data: never run, or a read that never returned a row."""
    return [name for name in claimed if seen.get(name, -1) < (WRITE_RAN if _is_write(name) else 1)]


def _is_write(name: str) -> bool:
    from graph import queries

    query = queries.REGISTRY.get(name)
    if query is None:
        return False
    return query.write or query.for_dialect("neo4j").lstrip().upper().startswith(("CREATE ", "DROP "))
