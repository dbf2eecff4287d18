"""The kernels the build starts: which kernel a notebook asks for, and an IPython folder whose
startup file closes the network, records data reads and sets Altair's renderer (see
kernel_startup.py). Free of Jupyter imports, so it is cheap."""

from __future__ import annotations

from pathlib import Path

STARTUP = Path(__file__).with_name("kernel_startup.py")


def kernel_for(nb, default: str) -> str:
    """The kernel a notebook names in metadata.kernelspec.name, else `default`."""
    spec = nb.metadata.get("kernelspec") if hasattr(nb, "metadata") else None
    name = spec.get("name") if isinstance(spec, dict) else None
    return name if isinstance(name, str) and name else default


def kernel_profile(ipython_dir: Path) -> Path:
    """An IPython folder whose startup file closes the network and sets Altair's renderer."""
    startup = ipython_dir / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    target = startup / "00-trainfer.py"
    code = STARTUP.read_bytes()
    if not target.is_file() or target.read_bytes() != code:
        target.write_bytes(code)
    return ipython_dir
