"""Run at the start of every kernel the build starts (an IPython startup file).

- Altair charts are emitted as Vega-Lite JSON (a mimetype renderer), which the site draws with
  its vendored vega-embed; Altair's default HTML output would load scripts from a CDN.
- The network is closed: a connection to anything but this machine fails with a clear message,
  so a notebook cannot depend on what the build machine happens to reach. (Under bubblewrap the
  kernel has no network at all; this guard is what remains where bwrap cannot run.)
- Every file opened under the data folder, by whatever path (`../data/x.yaml`, an absolute path,
  a symlink), is appended to TRAINFER_READ_LOG, so the cache key and the declared-data check see
  reads that bypass trainfer.notebook_data.
- Every Python module the notebook loads from outside the installed environment (the
  `explainers` source, an editable install, a helper beside it) is appended to
  TRAINFER_IMPORT_LOG, so that the cache keys on the modules it actually imported.
"""

import importlib.util
import os
import socket
import sys


def _trainfer_record_reads() -> None:
    log, root = os.environ.get("TRAINFER_READ_LOG"), os.environ.get("TRAINFER_ROOT")
    if not log or not root:
        return
    root = os.path.realpath(root)
    folder = os.environ.get("TRAINFER_DATA") or os.path.join(root, "data")  # the build's data_dir
    data = os.path.join(os.path.realpath(folder), "")
    imports = os.environ.get("TRAINFER_IMPORT_LOG")
    # the installed environment (standard library, site-packages) is keyed by its versions
    installed = tuple({os.path.realpath(p) + os.sep for p in
                       (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)})
    seen = set()

    def hook(event, args):  # called for every audited event: leave early
        if event != "open" or isinstance(args[0], int) or args[0] is None:
            return
        try:
            real = os.path.realpath(os.fsdecode(args[0]))
        except (TypeError, ValueError, OSError):
            return
        if real.startswith(data) and os.path.isfile(real):
            with open(log, "a", encoding="utf-8") as fh:  # the log is outside data: no recursion
                fh.write(os.path.relpath(real, root).replace(os.sep, "/") + "\n")
        elif (imports and real.endswith((".py", ".pyc")) and real not in seen
              and not real.startswith(installed)):
            seen.add(real)  # a module is loaded once; its .pyc stands for its source
            with open(imports, "a", encoding="utf-8") as fh:  # a .log: not recorded again
                fh.write(real + "\n")

    sys.addaudithook(hook)  # audit hooks cannot be removed by the notebook


_trainfer_record_reads()
del _trainfer_record_reads

if importlib.util.find_spec("altair") is not None:
    import altair

    def _vegalite_bundle(spec: dict, **metadata):
        # Altair 6's own mimetype renderer names the type "...v6.json", which nbformat rejects
        # (JSON-valued types must end in "+json"), so emit the standard name ourselves.
        major = altair.SCHEMA_VERSION.lstrip("v").split(".")[0]
        return {f"application/vnd.vegalite.v{major}+json": spec, "text/plain": "<chart>"}, {}

    altair.renderers.register("trainfer", _vegalite_bundle)
    altair.renderers.enable("trainfer")

_LOOPBACK = ("127.", "::1", "localhost")
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


class NetworkBlocked(ConnectionError):
    """Raised when a notebook tries to reach the network during the build."""


def _guard(address) -> None:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and (host.startswith(_LOOPBACK) or host.startswith("/")):
        return
    raise NetworkBlocked(
        f"Trainfer notebooks run without network: a cell tried to connect to {address!r}. "
        "Put the figure in a data file under data/ (with its source) and read it with "
        "trainfer.notebook_data.read_table."
    )


def _checked_connect(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _guard(address)
    return _connect(self, address)


def _checked_connect_ex(self, address):
    if self.family in (socket.AF_INET, socket.AF_INET6):
        _guard(address)
    return _connect_ex(self, address)


def _checked_getaddrinfo(host, *args, **kwargs):
    if host not in (None, "") and isinstance(host, (str, bytes)):
        name = host.decode() if isinstance(host, bytes) else host
        if not name.startswith(_LOOPBACK):
            _guard((name, 0))
    return _getaddrinfo(host, *args, **kwargs)


_getaddrinfo = socket.getaddrinfo
socket.socket.connect = _checked_connect
socket.socket.connect_ex = _checked_connect_ex
socket.getaddrinfo = _checked_getaddrinfo
