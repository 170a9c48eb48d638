"""Where the `trialqc` command writes: its output, its errors, and the one line that ends a command with an error."""
from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape

console = Console()
err = Console(stderr=True, soft_wrap=True)


def fail(code: int, message: str) -> None:
    """End the command with exit code `code` and one line naming what went wrong."""
    err.print(f"[bold red]error:[/] {escape(message)}")
    raise typer.Exit(code)
