"""trialqc: clinical-trial registry records -> validated DuckDB warehouse -> quality issues."""
