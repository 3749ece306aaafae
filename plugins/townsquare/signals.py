"""The signals through which Townsquare's plugins cooperate (blinker, like Pelican's own).

A plugin never imports another plugin's modules; when one needs another's work it sends or
receives one of these. Each is documented in docs/own-theme.md, "Signals".
"""

import blinker

#: Sent by townsquare_safebuild with the Pelican object once the build is written to its
#: staging folder (keyword ``output_path``), before it replaces the output. A receiver returns
#: a list of error messages (empty when the site may go live).
site_staged = blinker.signal("townsquare.site_staged")

#: Sent by townsquare_preview with a Pelican settings dict and keywords ``path`` (a built page)
#: and ``site_root``. townsquare_audit answers with that page's findings (a list of values with
#: path, line, rule, severity and message).
audit_page = blinker.signal("townsquare.audit_page")
