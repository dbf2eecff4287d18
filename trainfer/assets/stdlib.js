// Python's standard library (python_stdlib.zip, 2.5 MB) downloads after Python has started from
// the snapshot, not before: the snapshot's heap already holds every module the site's code and
// the worker use, and on a slow link those 2.5 MB are a second of the reader's wait.
//
// Pyodide asks for the zip as loadPyodide starts and writes it to its file system before it
// starts Python. Here its first request waits until the snapshot's heap is decoded (heapdelta.js):
// on a restore it gets an empty placeholder (nothing reads the zip while the heap is copied back)
// and the real zip is fetched once Python is up, then written where the placeholder was. Until it
// is, a guard first on `sys.meta_path` fetches it synchronously (a worker may) before any import
// of a module the heap does not hold, so an early import is slower, never wrong. Any other start
// (no snapshot, a refused one, the plain start after it) gets the real zip, as Pyodide asks.

import { answerGets } from "./hook.js";
import { mark } from "./marks.js";

const GUARD = `
import sys

class _StdlibOnItsWay:
    """Python's standard library is still downloading: wait for it before importing."""

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        failed = wait()
        if failed:
            raise ImportError(failed, name=name)
        sys.meta_path.remove(cls)
        return None

sys.meta_path.insert(0, _StdlibOnItsWay)
`;

export function deferStdlib(url, heapDecoded) {
  let asked = false;
  let placeholder = false;
  const unhook = answerGets(url, (passOn) => {
    // only Pyodide's first request: a plain start after a refused snapshot gets the zip
    if (asked) return passOn();
    asked = true;
    return heapDecoded.then((decoded) => {
      if (!decoded) return passOn();
      placeholder = true;
      mark("stdlib-deferred");
      return new Response(new Uint8Array(0));
    });
  });
  return {
    unhook,
    // Once Python `pyodide` is up: if it got the placeholder, the zip is fetched now and a guard
    // holds imports until it is in place.
    land(pyodide) {
      if (!placeholder) return;
      const path = pyodide.runPython("import sys; [p for p in sys.path if p.endswith('.zip')][0]");
      let landed = false;
      const put = (bytes) => {
        if (landed) return;
        pyodide.FS.writeFile(path, bytes);
        landed = true;
        mark("stdlib-landed");
      };
      self.fetch(url).then(async (response) => {
        if (!response.ok) throw new Error(`python_stdlib.zip: HTTP ${response.status} from the site`);
        put(new Uint8Array(await response.arrayBuffer()));
      }).catch(() => {}); // the guard fetches it again, and says why if it cannot
      // "" once the zip is in place, else why it cannot be (the import then fails saying so)
      const wait = () => {
        if (landed) return "";
        const request = new XMLHttpRequest();
        try {
          request.open("GET", url, false); // synchronous: allowed in a worker; Python waits here
          request.responseType = "arraybuffer";
          request.send();
        } catch (error) {
          return `Python's standard library could not be loaded: ${error.message}`;
        }
        if (request.status !== 200) {
          return `Python's standard library could not be loaded (python_stdlib.zip: HTTP ${request.status})`;
        }
        put(new Uint8Array(request.response));
        return "";
      };
      const scope = pyodide.globals.get("dict")();
      scope.set("wait", wait);
      pyodide.runPython(GUARD, { globals: scope });
      scope.destroy();
    },
  };
}
