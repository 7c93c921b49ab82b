"""Scenarios: load a YAML file or a dict, override values by key path, validate like the CLI."""

from __future__ import annotations

import json
from collections import namedtuple
from pathlib import Path
from typing import Any, Iterable

import yaml

from . import _followsim

Problem = namedtuple("Problem", "file line column path message")
Problem.__doc__ = "One problem in a scenario: where (file, line, column, key path) and what."


class ScenarioError(ValueError):
    """A scenario with problems. `problems` lists every one; str() gives them as the command
    line prints them: FILE:LINE:COL: key.path: message (--set KEY=VALUE: key.path: message
    where an override made the value)."""

    def __init__(self, problems: Iterable[tuple], messages: Iterable[str]):
        self.problems = [Problem(*p) for p in problems]
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


def _converted(call, *args):
    try:
        return call(*args)
    except _followsim._ScenarioError as error:  # noqa: SLF001 - our own module
        raise ScenarioError(error.problems, error.messages) from None


def _yaml_value(value: Any) -> str:
    """A Python value as the text of a --set assignment (YAML flow style)."""
    if isinstance(value, str):
        return value
    return yaml.safe_dump(value, default_flow_style=True, width=10**9).strip().removesuffix("...").strip()


class Scenario:
    """A scenario, validated. Build one with `Scenario.load(path)`, `Scenario.from_yaml(text)`
    or `Scenario.from_dict(d)`; `set(key_path, value)` overrides any value (YAML, as --set) and
    validates again; `set_value(key_path, number)` sets a number through its typed binding."""

    def __init__(self, text: str, label: str, overrides: list[str] | None = None, path: str | None = None):
        self._text = text
        self._label = label
        self._path = path
        self._overrides = list(overrides or [])
        self._data = self._load(self._overrides)

    def _load(self, overrides: list[str]):
        if self._path is not None:
            return _converted(_followsim.load_scenario_file, self._path, overrides)
        return _converted(_followsim.load_scenario_text, self._text, self._label, overrides)

    @classmethod
    def load(cls, path: str | Path, overrides: Iterable[str] = ()) -> "Scenario":
        """Reads a scenario file; `overrides` are KEY.PATH=VALUE strings, as --set takes."""
        return cls("", str(path), list(overrides), path=str(path))

    @classmethod
    def from_yaml(cls, text: str, label: str = "<yaml>") -> "Scenario":
        return cls(text, label)

    @classmethod
    def from_dict(cls, data: dict, label: str = "<dict>") -> "Scenario":
        return cls(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), label)

    def set(self, key_path: str, value: Any) -> "Scenario":
        """Overrides one value (e.g. "pathways.in_house.caseworkers", 5); raises ScenarioError,
        leaving the scenario as it was, if the result is not valid. Returns the scenario."""
        overrides = self._overrides + [f"{key_path}={_yaml_value(value)}"]
        self._data = self._load(overrides)
        self._overrides = overrides
        return self

    def set_value(self, key_path: str, value: float, unit: str | None = None) -> "Scenario":
        """Sets one number through the scenario's typed parameter binding, without reading the
        YAML again (as PSA draws and sweep points do); a duration needs its `unit` (days, weeks,
        months, years). Raises ScenarioError, leaving the scenario as it was, for a value the
        scenario cannot take (the message --set gives). Returns the scenario."""
        self._data = _converted(_followsim.set_value, self._data, key_path, float(value), unit or "")
        self._overrides = list(self._data.overrides)
        return self

    def get_value(self, key_path: str, unit: str | None = None) -> float:
        """The number a binding sets (a duration in `unit`, by default days)."""
        return _converted(_followsim.get_value, self._data, key_path, unit or "")

    def parameters(self):
        """Every number of the scenario that set_value can set: a DataFrame of path, duration,
        integer, minimum, maximum and value (days for a duration)."""
        import pandas as pd
        return pd.DataFrame(_followsim.parameters(self._data))

    def copy(self) -> "Scenario":
        clone = Scenario.__new__(Scenario)
        clone.__dict__.update(self.__dict__)
        clone._overrides = list(self._overrides)
        return clone

    def to_yaml(self) -> str:
        """The scenario as it runs, after every override."""
        return self._data.resolved_yaml

    def to_dict(self) -> dict:
        return yaml.safe_load(self._data.resolved_yaml)

    @property
    def name(self) -> str:
        return self._data.name

    @property
    def arms(self) -> list[str]:
        return list(self._data.arms)

    @property
    def overrides(self) -> list[str]:
        return list(self._overrides)

    @staticmethod
    def schema() -> dict:
        """The JSON Schema of the scenario format."""
        return json.loads(_followsim.schema())

    def __repr__(self) -> str:
        extra = f", {len(self._overrides)} override(s)" if self._overrides else ""
        return f"<followsim.Scenario {self.name!r}: arms {', '.join(self.arms)}{extra}>"
