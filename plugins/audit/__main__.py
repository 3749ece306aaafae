"""`python -m plugins.audit DIR`: audit a built site folder."""

import sys

from .cli import main

sys.exit(main())
