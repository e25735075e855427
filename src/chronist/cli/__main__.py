from chronist.cli import main

raise SystemExit(main())
