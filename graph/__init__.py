"""The graph store: one interface, two real backends (embedded FalkorDB, Neo4j over Bolt)."""
