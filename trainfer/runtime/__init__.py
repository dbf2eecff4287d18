"""The browser runtime: vendored Pyodide and Vega files, and the `explainers` wheel in the lock."""
