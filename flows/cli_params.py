"""Option values of the common kinds read without pydantic: the command starts about 0.15 s sooner.

Typer turns each option's value into its type through a pydantic validator it builds on first use, for
every option but a flag given as such: an option left at its default of None builds one too, so every
`trialqc run` imported pydantic, whatever its options (a `parser=` or a callback is applied through such
a validator as well). Here a value the validator would take as it is, or as `Path(value)`, or as
`int(value)` within the option's bounds, is converted directly; anything else (a number out of range or
written otherwise, a path that `Path` would rewrite, another type) goes to typer's own validator, built
then, which gives its answer and its error message as before (`tests/test_cli_params.py`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# What int(value) reads exactly as pydantic does: plain digits, no sign, space, underscore or leading zero.
PLAIN_INT = re.compile(r"(?:0|[1-9][0-9]{0,17})")


def install() -> bool:
    """Make typer's options of type str, int, bool and Path convert their common values directly; False (and
    typer left as it is) when this typer has not the internals this relies on."""
    try:
        from typer import core
        from typer._coercion import RuntimeParam, build_runtime_param
        from typer._param_types import coerce_cli_path
    except ImportError:
        return False
    parameter = getattr(core, "_TyperParameter", None)
    if parameter is None or not hasattr(parameter, "get_runtime_param") or getattr(parameter, "_plain", False):
        return False

    @dataclass(frozen=True)
    class PlainParam(RuntimeParam):
        """A value of the common kinds converted here; any other by typer's validator."""

        descriptor: Any = None
        built: list = field(default_factory=list)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            annotation, info = self.annotation, self.parameter_info
            if type(value) is str and info.parser is None:
                if annotation is str:
                    return value
                if annotation is int and PLAIN_INT.fullmatch(value) and not info.clamp:
                    number = int(value)
                    if (info.min is None or number >= info.min) and (info.max is None or number <= info.max):
                        return number
                if annotation is Path and info.path_type is None and value and str(Path(value)) == value:
                    try:  # (a ValueError, such as a NUL in the name, becomes typer's message below)
                        return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
                    except ValueError:
                        pass
            if annotation is bool and type(value) is bool:
                return value
            if not self.built:
                self.built.append(build_runtime_param(self.descriptor))
            return self.built[0]._coerce_value(value, param=param, ctx=ctx)

    def get_runtime_param(self):
        if self._runtime_param is None:
            descriptor = self.type_descriptor
            if descriptor.annotation in (str, int, bool, Path) and descriptor.file_annotation is None:
                self._runtime_param = PlainParam(parameter_info=descriptor.parameter_info,
                                                 annotation=descriptor.annotation, descriptor=descriptor)
            else:
                self._runtime_param = build_runtime_param(descriptor)
        return self._runtime_param

    parameter.get_runtime_param = get_runtime_param
    parameter._plain = True
    return True
