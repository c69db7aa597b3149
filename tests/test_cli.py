"""Command-line conventions: --version, options after the command, the project found from a subfolder, help with
an example for every command, a busy port reported before any work."""

from __future__ import annotations

import socket

import pytest

from generator.cli import build_commands, main


def _project(tmp_path, mini_data):
    data = mini_data(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    return data


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.startswith("yearbook ")


def test_data_is_accepted_after_the_command(tmp_path, capsys, mini_data):
    data = mini_data(tmp_path)
    assert main(["check", "--data", str(data)]) == 0
    assert capsys.readouterr().out.startswith("ok: 1 parks")
    assert main(["new", "park", "other", "--data", str(data)]) == 0
    assert (data / "parks" / "other.yaml").is_file()


def test_the_project_is_found_from_any_subfolder(tmp_path, capsys, mini_data, monkeypatch):
    data = _project(tmp_path, mini_data)
    monkeypatch.chdir(data / "years" / "demo")
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("ok: 1 parks")


def test_outside_a_project_one_line_says_what_to_do(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].endswith("data: expected a data folder, found none (run yearbook in the project or any folder "
                           "inside it, or pass --data)")  # fmt: skip


def test_a_busy_port_is_reported_before_any_work(tmp_path, capsys, mini_data):
    data = _project(tmp_path, mini_data)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--data", str(data), "--dev-addr", f"127.0.0.1:{port}"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"--dev-addr: expected a free port, found 127.0.0.1:{port} in use (is another `yearbook serve` running? "
        f"stop it, or serve elsewhere: yearbook serve --dev-addr 127.0.0.1:{port + 1})\n"
    )
    assert not (tmp_path / "docs").exists() and not (tmp_path / ".serve-site").exists()
    assert main(["serve", "--data", str(data), "--dev-addr", "localhost"]) == 1
    assert "--dev-addr: expected IP:PORT (e.g. 127.0.0.1:8000), found 'localhost'" in capsys.readouterr().err


def test_every_command_has_a_description_and_an_example():
    commands = build_commands().parsers
    assert {"check", "coverage", "generate", "build", "serve", "new park", "extract"} <= set(commands)
    for name, parser in commands.items():
        assert parser.description, name
        assert "example" in (parser.epilog or ""), name
        assert f"yearbook {name}" in parser.epilog, name
