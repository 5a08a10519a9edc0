"""Outbox, wire protocol, HTTP and USB-bundle transports to the provincial hub (issue 6)."""
