"""The followsim package's extension, built by CMake: pyproject.toml holds the metadata, this
file only says how `_followsim` is made.

The extension is the project's CMake target `_followsim` (bindings/python/CMakeLists.txt),
configured for the Python that runs the build and built in build/pip/cmake. With
FOLLOWSIM_BUILD_DIR set to an existing CMake build of this tree (scripts/setup.sh's `build/`),
that build's module is taken instead, if it was made for this Python.
"""

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        suffix = sysconfig.get_config_var("EXT_SUFFIX")
        existing = os.environ.get("FOLLOWSIM_BUILD_DIR")
        if existing and (Path(existing) / "CMakeCache.txt").is_file():
            build = Path(existing).resolve()
        else:
            build = ROOT / "build" / "pip" / "cmake"
            subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build), "-G", "Ninja",
                            "-DCMAKE_BUILD_TYPE=Release", "-DFOLLOWSIM_BUILD_TESTS=OFF",
                            "-DFOLLOWSIM_BUILD_BENCHMARKS=OFF", f"-DPython_EXECUTABLE={sys.executable}"],
                           check=True)
        subprocess.run(["cmake", "--build", str(build), "--target", "_followsim", "--parallel",
                        str(os.cpu_count() or 1)], check=True)
        module = build / "python" / "followsim" / f"_followsim{suffix}"
        if not module.is_file():
            raise RuntimeError(f"{module} is missing: the build in {build} is not for this Python "
                               f"({sys.executable}); unset FOLLOWSIM_BUILD_DIR")
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        self.copy_file(str(module), str(target))


setup(
    ext_modules=[Extension("followsim._followsim", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    # setuptools' own files beside CMake's, not in the source tree.
    options={"build": {"build_base": "build/pip"}, "egg_info": {"egg_base": "build/pip"}},
)
