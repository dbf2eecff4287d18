// Run a Python file under the npm Pyodide package in Node, with local wheels installed.
// usage: node run_in_pyodide.mjs <pyodide dir> <wheel path[:wheel path...]> <python file>
// The file's last expression must be a string; it is printed to stdout on the last line.
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pyodideDir, wheel, script] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: pyodideDir + path.sep, stdout: () => {}, stderr: (s) => console.error(s) });
await pyodide.loadPackage(wheel.split(path.delimiter).map((w) => path.resolve(w)));
const result = await pyodide.runPythonAsync(await readFile(script, "utf8"));
process.stdout.write("\n" + String(result) + "\n");
