"""`python -m pelican.plugins.townsquare_audit DIR`: audit a built site folder."""

import sys

from .cli import main

sys.exit(main())
