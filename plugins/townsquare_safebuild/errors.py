"""The exceptions a safe build raises, and the one message that lists a failed build's errors."""


class BuildFailed(Exception):
    """The build produced errors; the previous output was left untouched."""

    exitcode = 1


class BuildStopped(Exception):
    """Raised by a check that has already logged its errors as ERROR records, to stop the build
    before Pelican writes anything (the logged errors are the report, not this exception)."""


def failure_message(final, errors):
    """The one message a failed build raises: every error, and that final was kept."""
    listed = "\n".join(f"  - {message}" for message in errors)
    return (
        f"safebuild: the build failed with {len(errors)} error(s); "
        f"{final} was left as it was:\n{listed}"
    )
