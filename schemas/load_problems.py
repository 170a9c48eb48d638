"""meta.load_problems: what went wrong in a file that still loaded (a run table, not a study table)."""
from __future__ import annotations

import pandera.pandas as pa

from schemas.base import Text, column


class LoadProblems(pa.DataFrameModel):
    """One problem met while parsing, validating or loading a file whose studies did load."""

    run_id: Text = pa.Field(description="the load run that met the problem")
    sha256: Text = column("sha256 of the file")
    path: Text = column("path of the file (archive members as archive!member)")
    nct_id: Text = column("the study the problem belongs to, when known")
    stage: Text = pa.Field(description="parse, validate or load")
    reason: Text = pa.Field(description="what was wrong, in a user's words (never personal data)")
    detail: Text = column("where and what exactly: the label, the line count, the value")

    class Config:
        coerce = True
        strict = True
