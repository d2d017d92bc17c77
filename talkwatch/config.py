"""Where things live: the database path (--db, TALKWATCH_DB, user data dir) and the sample corpus."""
from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "TALKWATCH_DB"
APP_NAME = "talkwatch"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def settings_path() -> Path:
    """The TUI's remembered settings (the theme): a file in the user config folder."""
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "tui.json"


def default_db_path() -> Path:
    return data_dir() / "talkwatch.db"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def resolve_db(option: str | None) -> Path:
    """--db wins, then $TALKWATCH_DB, then the per-user default."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return default_db_path()


def sample_corpus_dir() -> Path:
    """The bundled sample corpus: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "sample_corpus", here.parent / "sample_corpus"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled sample corpus is missing from this installation")
