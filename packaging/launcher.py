"""The frozen program's entry point (PyInstaller runs this as __main__)."""

from upwardprep.cli import main

raise SystemExit(main())
