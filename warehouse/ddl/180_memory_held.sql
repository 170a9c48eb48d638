-- What DuckDB held after the warehouse's last checkpoint and could not evict: the records of its deleted rows,
-- which every checkpoint and every scan of their row groups reads and keeps until the database is closed. A
-- writing connection's memory limit leaves room for it (warehouse/connect.py fit_memory). One row, replaced at
-- each measurement.
CREATE TABLE IF NOT EXISTS meta.memory_held (
    held_bytes BIGINT NOT NULL,
    measured_at TIMESTAMP NOT NULL
);
