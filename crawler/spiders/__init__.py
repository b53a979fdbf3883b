"""One spider per source family; each instance crawls one source from the catalog."""
