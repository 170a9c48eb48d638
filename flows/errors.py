"""The one exception base of trialqc."""


class TrialQCError(Exception):
    """Base of every error trialqc raises on purpose."""


class InfrastructureError(TrialQCError):
    """The run cannot go on (disk full, database locked): exit code 1."""


class UsageError(TrialQCError):
    """The command was called wrongly (bad path, bad date): exit code 2."""
