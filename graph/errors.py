"""Errors of the graph store, each with a message a user can act on."""


class StoreError(RuntimeError):
    """The graph store cannot do what was asked; the message says why and what to do."""


class StoreUnavailable(StoreError):
    """The database server is not reachable (stopped, killed, wrong address or credentials)."""


class StoreTimeout(StoreUnavailable):
    """The server accepted a query and did not answer it within the query timeout (hung or overloaded)."""
