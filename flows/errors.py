"""The one exception base of trialqc."""


class TrialQCError(Exception):
    """Base of every error trialqc raises on purpose."""


class InfrastructureError(TrialQCError):
    """The run cannot go on (disk full, database locked): exit code 1."""


class UsageError(TrialQCError):
    """The command was called wrongly (bad path, bad date): exit code 2."""


class InterruptedAfterRun(KeyboardInterrupt):
    """Ctrl-C or SIGTERM once the run had completed and was recorded (while publishing, or while its Data Docs
    were validated after): unlike an interrupted run, it loaded and checked everything; the message says what is
    kept. A KeyboardInterrupt, so that whatever stops on an interrupt stops on it too."""
