"""The board: what a lesson shows besides printed text (progress, charts, tables).

The drawing protocol is `trainfer_board` (standard library only, shipped to the browser as its
own wheel); this module keeps the simulator's names for it.

>>> seen = []
>>> stop = listen(lambda kind, payload: seen.append((kind, payload)))
>>> emit("progress", {"epoch": 1, "loss": float("inf")})
>>> seen
[('progress', {'epoch': 1, 'loss': None})]
>>> stop()
"""

from trainfer_board import emit, listen, listening, plain, show

__all__ = ["emit", "listen", "listening", "plain", "show"]
