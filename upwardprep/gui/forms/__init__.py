"""Forms generated from the Qt Designer files in ui/ by `make forms` (tools/forms.py). Do not
edit the ui_*.py files: change the .ui file in Qt Designer and regenerate."""
