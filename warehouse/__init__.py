"""The DuckDB warehouse: DDL applied in order, connection, batch loading."""
