from giaoban.cli import main

raise SystemExit(main())
