#!/usr/bin/env python3
"""Execute the example notebook end to end with `jupyter nbconvert --execute`
and check that every cell ran without error and that it drew its chart.

usage: run_notebook.py JUPYTER_NBCONVERT NOTEBOOK OUTPUT_DIR
"""
import subprocess
import sys
from pathlib import Path

import nbformat


def main(nbconvert, notebook, output_dir):
    notebook = Path(notebook)
    Path(output_dir).mkdir(parents=True, exist_ok=True)
    subprocess.run([nbconvert, "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.timeout=600",
                    "--output-dir", str(output_dir), str(notebook)], check=True)
    executed = nbformat.read(Path(output_dir) / notebook.name, as_version=4)
    code_cells = [c for c in executed.cells if c.cell_type == "code"]
    assert code_cells and all(c.execution_count for c in code_cells), "a cell did not run"
    errors = [o for c in code_cells for o in c.outputs if o.output_type == "error"]
    assert not errors, errors
    images = [o for c in code_cells for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) == 1, "expected one chart, got %d" % len(images)
    print("notebook: %d code cells executed, 1 chart" % len(code_cells))


if __name__ == "__main__":
    main(*sys.argv[1:])
