from upwardprep.cli import main

raise SystemExit(main())
