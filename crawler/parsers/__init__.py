"""Pure parsers: bytes in, ontology records (Document, ListEntity, ...) and RowErrors out."""
