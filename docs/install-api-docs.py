#!/usr/bin/env python3
"""Build the Doxygen HTML reference and copy it to the build output that
meson installs as <datadir>/doc/libvnreport/html.

usage: install-api-docs.py DOXYGEN DOXYFILE HTML_DIR OUTPUT_DIR
"""
import shutil
import subprocess
import sys

doxygen, doxyfile, html, output = sys.argv[1:5]
subprocess.run([doxygen, doxyfile], check=True, stdout=subprocess.DEVNULL)
shutil.rmtree(output, ignore_errors=True)
shutil.copytree(html, output)
