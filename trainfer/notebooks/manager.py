"""The kernel manager the build uses, and how Ctrl-C ends every kernel.

nbclient's timeouts and dead-kernel checks only run with an asynchronous manager: a synchronous
one blocks its event loop while it waits for output, so a cell that never ends hangs the build.
Every kernel started is registered, so that an interrupted build kills them all and its worker
threads finish at once instead of holding the process open.
"""

from __future__ import annotations

import os
import signal
import threading
from concurrent.futures import ThreadPoolExecutor

from jupyter_client import AsyncKernelManager

_LOCK = threading.Lock()
_LIVE: set = set()  # Popen objects of the kernels now running
_STOPPING = threading.Event()


def _kill(process) -> None:
    if process.poll() is not None:
        return
    try:  # the kernel leads its own process group (jupyter_client starts a new session)
        os.killpg(process.pid, signal.SIGKILL)
    except OSError:
        try:
            process.kill()
        except OSError:
            pass


def stop_all() -> None:
    """Kill every running kernel, and any started from now on, at once."""
    with _LOCK:
        _STOPPING.set()
        for process in list(_LIVE):
            _kill(process)


class SandboxedKernelManager(AsyncKernelManager):
    """An asynchronous kernel manager whose command line passes through `wrap` (the sandbox)."""

    def __init__(self, *, wrap, **kwargs) -> None:
        super().__init__(**kwargs)
        self._wrap = wrap
        self.process = None

    def format_kernel_cmd(self, extra_arguments=None) -> list[str]:
        return self._wrap(super().format_kernel_cmd(extra_arguments))

    async def _async_launch_kernel(self, kernel_cmd, **kw) -> None:
        await super()._async_launch_kernel(kernel_cmd, **kw)
        self.process = self.provisioner.process
        with _LOCK:
            _LIVE.add(self.process)
            if _STOPPING.is_set():  # started while the build was being stopped
                _kill(self.process)

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        with _LOCK:
            _LIVE.discard(self.process)
        await super()._async_cleanup_resources(restart=restart)

    def exit_status(self) -> int | None:
        """The kernel process's exit status, once it has ended."""
        return None if self.process is None else self.process.poll()


def in_parallel(function, items: list, workers: int) -> list:
    """`function` over `items` in threads, in order; an interrupt kills every kernel first."""
    _STOPPING.clear()
    pool = ThreadPoolExecutor(max_workers=max(1, min(workers, len(items) or 1)))
    try:
        futures = [pool.submit(function, item) for item in items]
        return [future.result() for future in futures]
    except BaseException:  # Ctrl-C (KeyboardInterrupt) above all
        stop_all()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    finally:
        pool.shutdown(wait=True)  # quick: the kernels are done or dead
