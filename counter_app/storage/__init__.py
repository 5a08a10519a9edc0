"""Persistence: ORM tables, engines, migrations, search, blob store and the unit of work."""
