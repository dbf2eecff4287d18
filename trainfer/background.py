"""One call run on a thread of its own from an early build hook, its result taken by a later one:
the plugins' way of overlapping slow work (kernels, Node) with the rest of the build."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor


class Background:
    """`call()` started now on a named thread; `result()` waits and raises what it raised."""

    def __init__(self, call: Callable, name: str) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._future = self._pool.submit(call)

    def result(self):
        """Wait for the call; its exception, if any, is raised here. Interrupted while waiting
        (Ctrl-C), it leaves the thread to the caller, who may have to stop its work first."""
        value = self._future.result()
        self._pool.shutdown(wait=True)
        return value

    def wait(self) -> None:
        """Wait for the call to end (a call not yet started never starts), ignoring its result."""
        self._pool.shutdown(wait=True, cancel_futures=True)
