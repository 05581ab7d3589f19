"""LibreOffice for the tests that need a real office suite: a session fixture that converts files.

Without `soffice` these tests are skipped with the reason, except in CI (the CI variable is set),
where LibreOffice is installed and a missing `soffice` must fail the run instead of hiding it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CI_PACKAGES = "apt-get install -y --no-install-recommends libreoffice-writer-nogui"


class LibreOffice:
    def __init__(self, exe: str, profile: Path):
        self.exe = exe
        self.profile = profile

    def convert(self, source, fmt: str, outdir) -> Path:
        """Convert `source` with `soffice --convert-to fmt`; returns the new file."""
        source, outdir = Path(source), Path(outdir)
        # a private profile: no clash with a LibreOffice the developer has open, or with another run
        cmd = [self.exe, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", fmt, "--outdir", str(outdir), str(source)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=240)
        target = outdir / (source.stem + "." + fmt.split(":")[0])
        assert target.exists(), f"LibreOffice не создал {target.name}: {done.stdout} {done.stderr}"
        return target


def find_soffice() -> str:
    """The soffice executable; a skip with the reason without it, a failure in CI."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI"):
            pytest.fail(f"в CI нужен LibreOffice, а soffice не найден: {CI_PACKAGES}")
        pytest.skip(f"LibreOffice (soffice) не установлен; поставьте его: {CI_PACKAGES}")
    return exe


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory):
    return LibreOffice(find_soffice(), tmp_path_factory.mktemp("lo-profile"))
