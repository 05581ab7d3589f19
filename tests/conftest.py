import pytest

from plainlang.config import Settings


@pytest.fixture(scope="session")
def languagetool_url():
    from fake_languagetool import start
    server, url = start()
    yield url
    server.shutdown()


def settings_for(rule_id, **extra):
    return Settings(select=[rule_id], **extra)
