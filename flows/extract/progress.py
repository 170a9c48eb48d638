"""Where a pull shows how far it is: a rich bar in a terminal, a progress artifact in the Prefect UI."""
from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class QuietProgress:
    """Reports nothing (tests, scripts)."""

    def start(self, total: int | None, done: int) -> None:
        """Nothing to show."""

    def set_total(self, total: int | None) -> None:
        """Nothing to show."""

    def advance(self, studies: int) -> None:
        """Nothing to show."""


class RichProgress:
    """A rich progress bar of studies received against studies announced."""

    def __init__(self, console: Console, description: str):
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=console, transient=False)
        self.description = description
        self.task_id = None

    def start(self, total: int | None, done: int) -> None:
        """Show the bar; `total` may be unknown until the first page answers."""
        if self.task_id is None:
            self.bar.start()
            self.task_id = self.bar.add_task(self.description, total=total, completed=done)

    def advance(self, studies: int) -> None:
        """Move the bar on by `studies`."""
        self.bar.advance(self.task_id, studies)

    def set_total(self, total: int | None) -> None:
        """The count the registry announced, once known."""
        if self.task_id is not None and total is not None:
            self.bar.update(self.task_id, total=total)

    def stop(self) -> None:
        """Leave the finished bar on screen (stopping twice is harmless)."""
        if self.task_id is not None and self.bar.live.is_started:
            self.bar.stop()


class PrefectProgress:
    """A Prefect progress artifact (percent of the announced studies) updated after each page."""

    def __init__(self, key: str):
        self.key, self.artifact_id, self.total, self.done = key, None, None, 0

    def start(self, total: int | None, done: int) -> None:
        """Create the artifact at the current percentage."""
        from prefect.artifacts import create_progress_artifact

        self.total, self.done = total, done
        if self.artifact_id is None:
            self.artifact_id = create_progress_artifact(self._percent(), key=self.key,
                                                        description="Studies received of those announced")

    def advance(self, studies: int) -> None:
        """Update the artifact."""
        from prefect.artifacts import update_progress_artifact

        self.done += studies
        update_progress_artifact(self.artifact_id, self._percent())

    def set_total(self, total: int | None) -> None:
        """The count the registry announced, once known."""
        self.total = total

    def _percent(self) -> float:
        return 0.0 if not self.total else min(100.0, 100.0 * self.done / self.total)
