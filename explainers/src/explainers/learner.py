"""The learner: a student brain and what training it takes besides: an optimizer, and in mixed
precision an fp32 master copy of the weights and (for fp16) a loss scaler.

One step teaches a batch: forward and backward over every page, the gradient averaged over the
batch, then one update. In mixed precision, as chips do it (Micikevicius et al., ICLR 2018), the
net computes in fp16 or bf16 while the optimizer updates the fp32 master copy and its fp32 state;
the new master weights are then rounded into the net. In fp16 the loss is scaled first; a step
whose gradients overflowed is skipped and the scale lowered (`scaling`).
"""

from explainers import optimizers
from explainers.memory import Memory
from explainers.precision import FP32, Fixed, keeps_master, to_fp32
from explainers.scaling import LossScaler, finite


class Learner:
    """`net` (in `fmt`) taught with `optimizer` at `rate`; `start` are its first weights (dict).

    >>> from explainers.student import make_brain
    >>> from explainers.net import draw_weights
    >>> w = draw_weights(144, 4, 10, seed=1)
    >>> learner = Learner(make_brain("fp16", 4, weights=w), "adam", None, "mixed", w)
    >>> learner.master is not None, learner.scaler.scale
    (True, 65536.0)
    """

    def __init__(self, net, optimizer: str, rate: float | None, precision: str, start: dict):
        self.net, self.fmt = net, net.fmt
        self.fixed = isinstance(net.fmt, Fixed)
        self.master = None
        self.scaler = None
        self.params = len(net.flat())
        if keeps_master(net.fmt.name, precision):
            self.master = to_fp32([*(w for row in start["w1"] for w in row), *start["b1"],
                                   *(w for row in start["w2"] for w in row), *start["b2"]])
            net.load(net.fmt.round(self.master))
            self.optimizer = optimizers.make(optimizer, rate, FP32, self.params)
            if net.fmt.name == "fp16":  # bf16 has fp32's range: no scaling needed
                self.scaler = LossScaler()
        else:
            self.optimizer = optimizers.make(optimizer, rate, net.fmt, self.params)
        self.held = Memory()  # the most bytes held at once, by kind (see `remember`)

    @property
    def rate(self) -> float:
        """The learning rate in use."""
        return self.optimizer.rate if not self.fixed else self.fmt.decode([self.optimizer.rate])[0]

    def step(self, pages: list) -> tuple[float, int, bool]:
        """Teach one batch of (inked pixels, label) pages: summed loss, answers right, applied?"""
        net, n = self.net, len(pages)
        scale = self.scaler.scale if self.scaler else 1.0
        loss, right, rows, grads, kept = net.batch_gradients(pages, scale / n)
        self.remember(kept)
        if self.scaler is not None and not self.scaler.update(finite(grads)):
            return loss, right, False  # overflowed: the weights stay as they were
        if self.master is None and not self.optimizer.state:
            # Stateless and in place: rows with a zero gradient would not change, so skip them.
            net.set_part(rows, self.optimizer.step(net.part(rows), grads))
            return loss, right, True
        grads = net.expand(rows, grads)
        if self.master is None:
            net.load(self.optimizer.step(net.flat(), grads))
            return loss, right, True
        if scale != 1.0:  # unscale in fp32: exact, the scale is a power of two
            grads = to_fp32([g * (1.0 / scale) for g in grads])
        self.master = self.optimizer.step(self.master, grads)
        net.load(self.fmt.round(self.master))
        return loss, right, True

    def remember(self, activations: int) -> None:
        """Note the bytes held at the end of a backward pass (the peak: everything is live).

        The gradient buffer is dense (one value per weight), as a chip's is.
        """
        b = self.fmt.bytes
        state = FP32.bytes if self.master is not None else b
        net = self.net
        weights = sum(map(len, net.w1)) + len(net.b1) + sum(map(len, net.w2)) + len(net.b2)
        now = Memory(weights=weights * b, gradients=self.params * b,
                     optimizer_state=sum(map(len, self.optimizer.state)) * state,
                     master_copy=len(self.master) * FP32.bytes if self.master else 0,
                     activations=activations * b)
        if now.total() > self.held.total():
            self.held = now
