# SPDX-License-Identifier: BSD-2-Clause
"""A PEP 517 build backend for precis-client that needs nothing installed.

`pip install ./clients/python` builds in an isolated environment and would
download setuptools for it; with no network that fails.  The package is
pure Python files, so this backend writes the wheel itself: the files,
METADATA, WHEEL and RECORD (PEP 427), with the standard library only.
"""

import base64
import hashlib
import os
import tarfile
import zipfile

NAME, VERSION = "precis_client", "0.1.0"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
METADATA = (
    "Metadata-Version: 2.1\n"
    "Name: precis-client\n"
    "Version: %s\n"
    "Summary: Client for precisd, the precis summarization daemon "
    "(standard library only)\n"
    "License: BSD-2-Clause\n"
    "Requires-Python: >=3.8\n" % VERSION)
WHEEL = ("Wheel-Version: 1.0\nGenerator: precis_build\n"
         "Root-Is-Purelib: true\nTag: py3-none-any\n")


def _files():
    pkg = os.path.join(ROOT, NAME)
    for name in sorted(os.listdir(pkg)):
        if name.endswith(".py"):
            yield os.path.join(pkg, name), "%s/%s" % (NAME, name)


def _digest(data):
    h = base64.urlsafe_b64encode(hashlib.sha256(data).digest())
    return "sha256=" + h.rstrip(b"=").decode()


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    info = "%s-%s.dist-info" % (NAME, VERSION)
    wheel = "%s-%s-py3-none-any.whl" % (NAME, VERSION)
    records = []
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel), "w",
                         zipfile.ZIP_DEFLATED) as z:
        def add(arcname, data):
            z.writestr(arcname, data)
            records.append("%s,%s,%d" % (arcname, _digest(data), len(data)))
        for path, arcname in _files():
            with open(path, "rb") as f:
                add(arcname, f.read())
        add(info + "/METADATA", METADATA.encode())
        add(info + "/WHEEL", WHEEL.encode())
        records.append(info + "/RECORD,,")
        z.writestr(info + "/RECORD", "\n".join(records) + "\n")
    return wheel


def build_sdist(sdist_directory, config_settings=None):
    base = "precis_client-%s" % VERSION
    sdist = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, sdist), "w:gz") as t:
        for rel in ["pyproject.toml", "README.md", "_backend/precis_build.py"]:
            t.add(os.path.join(ROOT, rel), arcname=base + "/" + rel)
        for path, arcname in _files():
            t.add(path, arcname=base + "/" + arcname)
    return sdist
