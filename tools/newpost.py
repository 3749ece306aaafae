"""`python -m tools.newpost` (kept for old Makefiles): same as `townsquare post`."""

import sys

from pelican.plugins.townsquare.newpost import main

if __name__ == "__main__":
    sys.exit(main())
