"""Imported once by the fork server the run's workers start from (flows/worker_processes.py): the parsers,
the models and pandera, and every rule family, which each worker would otherwise take about 0.5 s to import."""
import checks
from flows import batch_workers, validate  # noqa: F401

checks.all_rules()
