"""The documentation matches the code: every command has help and a section in
docs/cli.md (generated from --help; regenerate with `make docs`), and every option that
stands for a setting says so.

    python tests/test_docs.py --write    # rewrite docs/cli.md from the commands' --help
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click
from click.testing import CliRunner

from storyline.cli import main
from storyline.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[1]
CLI_DOC = ROOT / "docs" / "cli.md"
WIDTH = 100


Path_ = tuple[str, ...]


def commands(group: click.Group = main, path: Path_ = ()) -> Iterator[tuple[Path_, click.Command]]:
    """Every command and group under ``group`` (itself first), in name order."""
    yield path, group
    for name in sorted(group.commands):
        command = group.commands[name]
        if isinstance(command, click.Group):
            yield from commands(command, (*path, name))
        else:
            yield (*path, name), command


def help_text(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(main, [*path, "--help"], prog_name="storyline", terminal_width=WIDTH)
    assert result.exit_code == 0, result.output
    return result.output.rstrip() + "\n"


def cli_reference() -> str:
    parts = [
        "# Command-line reference\n\n",
        "Generated from each command's `--help` (`make docs`); `tests/test_docs.py` checks that\n",
        "it matches the code. Every setting can also be given as an environment variable\n",
        "(`storyline settings` lists them).\n",
    ]
    for path, _ in commands():
        title = " ".join(("storyline", *path))
        parts.append(f"\n## `{title}`\n\n```text\n{help_text(path)}```\n")
    return "".join(parts)


def test_every_command_has_help() -> None:
    for path, command in commands():
        assert (command.help or "").strip(), f"`storyline {' '.join(path)}` has no help text"
        for param in command.params:
            if isinstance(param, click.Option) and not param.hidden:
                assert param.help, f"`storyline {' '.join(path)} {param.opts[0]}` has no help text"


def test_cli_reference_is_up_to_date() -> None:
    assert CLI_DOC.exists(), "docs/cli.md is missing: run `make docs`"
    assert CLI_DOC.read_text(encoding="utf-8") == cli_reference(), "docs/cli.md is stale: run `make docs`"


def test_every_command_is_documented_in_the_readme_or_the_reference() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    reference = CLI_DOC.read_text(encoding="utf-8")
    for path, _ in commands():
        name = " ".join(("storyline", *path))
        assert f"`{name}`" in reference or f"{name} " in readme, f"{name} is documented nowhere"


def test_options_that_stand_for_a_setting_name_it() -> None:
    names = {s.name for s in SETTINGS}
    for path, command in commands():
        for param in command.params:
            if isinstance(param, click.Option) and param.name in names:
                assert param.help and ("$STORYLINE_" in param.help or "setting" in param.help), (
                    f"`storyline {' '.join(path)} {param.opts[0]}` stands for the setting "
                    f"{param.name!r}; its help must say so"
                )


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        CLI_DOC.write_text(cli_reference(), encoding="utf-8")
        print(f"wrote {CLI_DOC}")
    else:
        sys.exit(__doc__)
