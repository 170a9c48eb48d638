"""The `trialqc` command's group: the search, diff and watch commands made only when one is named or listed."""
from __future__ import annotations

import typer
from typer.core import TyperGroup

# Made only when named (or listed, as --help does): their modules load the search and version code that
# `trialqc run` and the other commands do not need.
LATER = ("search", "diff", "watch")


def _later_commands() -> dict:
    """The search, diff and watch commands, made as if registered on `app` (the same defaults)."""
    from flows import cli_diff, cli_search

    later = typer.Typer(add_completion=False)
    later.command("search")(cli_search.search)
    later.command("diff")(cli_diff.diff)
    later.add_typer(cli_search.watch_app, name="watch")
    return dict(typer.main.get_group(later).commands)


class Commands(TyperGroup):
    """The command's group: the LATER commands are made the first time a command not yet made is asked for
    (one of them, or a misspelt name: the suggestions include them)."""

    def list_commands(self, ctx) -> list[str]:
        return [*super().list_commands(ctx), *(name for name in LATER if name not in self.commands)]

    def get_command(self, ctx, cmd_name: str):
        if cmd_name not in self.commands and LATER[0] not in self.commands:
            for name, command in _later_commands().items():
                self.commands.setdefault(name, command)
        return super().get_command(ctx, cmd_name)
