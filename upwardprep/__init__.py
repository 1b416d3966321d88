"""UpwardPrep: an offline, encrypted workbench for managing up and preparing one-on-ones."""

__version__ = "0.1.0"
APP_NAME = "UpwardPrep"
