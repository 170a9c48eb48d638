"""The Great Expectations context trialqc validates in: ephemeral, offline, Data Docs where asked.

GX's SQLAlchemy path to DuckDB fails (`list index out of range`, GX issues 10738 and 11579),
so the suite's frames are read from DuckDB into pandas and validated there (checks/gx_suite.py).
"""
from __future__ import annotations

import os
from pathlib import Path


DOCS_SITE = "trialqc"


class GxSuiteError(Exception):
    """An expectation could not be evaluated (not: the data broke it)."""


def gx_context(docs_dir: Path | None = None):
    """An ephemeral GX context: analytics and progress bars off, Data Docs in `docs_dir` if given."""
    # GX must never send usage statistics: off by environment and in the context's own config.
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig, InMemoryStoreBackendDefaults, ProgressBarsConfig,
    )

    sites = {} if docs_dir is None else {DOCS_SITE: {
        "class_name": "SiteBuilder", "show_how_to_buttons": False,
        "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
        "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
    }}
    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False, progress_bars=ProgressBarsConfig(globally=False), data_docs_sites=sites,
    )
    return gx.get_context(mode="ephemeral", project_config=config)
