import os
import tempfile

import pytest

# the phrase cache of this test run lives apart from the user's own (~/.cache/plainlang)
os.environ.setdefault("XDG_CACHE_HOME", tempfile.mkdtemp(prefix="plainlang-test-cache-"))

from plainlang.config import Settings


@pytest.fixture(scope="session")
def languagetool_url():
    from fake_languagetool import start
    server, url = start()
    yield url
    server.shutdown()


def settings_for(rule_id, **extra):
    return Settings(select=[rule_id], **extra)
