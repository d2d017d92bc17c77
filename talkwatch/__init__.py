"""talkwatch: follow talks between states in news text."""

__version__ = "0.1.0"
