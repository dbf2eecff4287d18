"""A batch's forward and backward passes, shared by the float and the fixed-point nets.

Every page is answered and corrected with the same weights; the gradients of its pages are
then summed in a wide accumulator (Python's exact ints, or floats far wider than the format)
and rounded once, as a matrix unit sums a product over the batch before it writes the result.
"""

import operator
from itertools import chain

add, mul = operator.add, operator.mul


def collect(net, pages: list, scale: float) -> tuple:
    """Forward and backward over every page: summed loss, answers right, the inked rows (sorted),
    their summed gradients, and each page's hidden layer, dz and dh.

    Rows no page inked have a zero gradient and are left out: a pixel is 0 or 1, so an inked
    row's gradient is dh itself, summed over the pages that ink it.
    """
    total, right, hs, dzs, dhs, acc = 0.0, 0, [], [], [], {}
    columns = list(zip(*net.w2, strict=True))  # the same weights answer every page
    for on, label in pages:
        h, z = net.forward(on)
        loss, dz, dh = net.backward(h, z, label, scale, columns)
        total, right = total + loss, right + (z.index(max(z)) == label)
        hs.append(h)
        dzs.append(dz)
        dhs.append(dh)
        for i in on:  # summed page by page, in the batch's order
            if i in acc:
                acc[i] = list(map(add, acc[i], dh))
            else:
                acc[i] = dh
    rows = sorted(acc)
    return total, right, rows, [acc[i] for i in rows], hs, dzs, dhs


def products(hs: list, dzs: list) -> list:
    """The second layer's gradient, dz times h summed over the batch, row by row, flat."""
    if len(hs) == 1:  # one page: the products themselves, no sums
        return [d * v for d in dzs[0] for v in hs[0]]
    columns = list(zip(*hs, strict=True))
    return [sum(map(mul, col, hc)) for col in zip(*dzs, strict=True) for hc in columns]


def sums(w1: list, dhs: list, w2: list, dzs: list) -> list:
    """Every gradient of a batch in `part` layout: inked rows of w1, b1, w2, b2."""
    return [*chain.from_iterable(w1), *map(sum, zip(*dhs, strict=True)), *w2,
            *map(sum, zip(*dzs, strict=True))]
