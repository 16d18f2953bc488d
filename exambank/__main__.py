import sys

from exambank.cli import main

sys.exit(main())
