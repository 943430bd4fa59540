"""fused-torch.py: PyTorch's side of bench/fused.c (make bench).

Run by bench/fused.c with /usr/bin/python3 (Debian's python3-torch),
never on its own in `make bench`. Two modes:

  fused-torch.py threads
      prints "threads N" (torch.get_num_threads(), PyTorch's default),
      "torch VERSION", and "blasinfo X", the BLAS that
      torch.__config__.show() says the build uses.

  fused-torch.py serve THREADS
      a server on stdin and stdout, so that bench/fused.c can take turns
      with it round by round (a change in the machine's load then falls
      on both sides alike). It first prints "blas CORE THREADS" (the
      OpenBLAS kernel that ctypes finds loaded, the same library torch's
      matrix products call through libblas.so.3), "intraop N", and
      "mm GFLOPS", the rate of torch.mm on two 1024 x 1024 float32
      matrices (the median of 9 after half a second untimed), which
      says by its speed which sgemm torch runs. Then it answers one line per command:
        net NAME FILE INPUTS H1 H2 CLASSES BATCH SEED
            reads FILE, written by bench/fused.c: a little-endian uint64
            count, then count x INPUTS float32 inputs, then count int32
            labels: the samples descent trains on. Builds the network
            INPUTS-H1-H2-CLASSES: Linear, BatchNorm1d, ReLU twice, then
            Linear, cross-entropy; torch.optim.Adam with its defaults
            (lr 1e-3, betas 0.9 and 0.999, eps 1e-8); answers "ready".
        round NAME STEPS
            STEPS training steps on minibatches of BATCH rows taken in
            turn from a fresh permutation of the samples: the gather,
            forward, loss, backward, Adam's step, and the loss read back
            (loss.item(), as descent returns it); answers
            "seconds S loss L".
        quit
"""
import ctypes
import re
import sys
import time

import numpy
import torch
import torch.nn.functional as F


def load(path, inputs):
    with open(path, "rb") as f:
        count = int(numpy.frombuffer(f.read(8), dtype="<u8")[0])
        x = numpy.frombuffer(f.read(4 * count * inputs), dtype="<f4")
        y = numpy.frombuffer(f.read(4 * count), dtype="<i4")
    if x.size != count * inputs or y.size != count:
        sys.exit("fused-torch.py: %s is truncated" % path)
    return (torch.from_numpy(x.copy()).reshape(count, inputs),
            torch.from_numpy(y.astype(numpy.int64)))


def blas_info():
    found = re.search(r"BLAS_INFO=([^,\s]+)", torch.__config__.show())
    return found.group(1) if found else "(not-reported)"


def mm_rate():
    a = torch.randn(1024, 1024)
    b = torch.randn(1024, 1024)
    start = time.perf_counter()
    while time.perf_counter() - start < 0.5:    # a warm-up of half a second
        torch.mm(a, b)
    times = []
    for _ in range(9):
        start = time.perf_counter()
        torch.mm(a, b)
        times.append(time.perf_counter() - start)
    return 2 * 1024 ** 3 / sorted(times)[4] * 1e-9


class Net:
    def __init__(self, path, inputs, h1, h2, classes, batch, seed):
        torch.manual_seed(seed)
        self.x, self.y = load(path, inputs)
        self.batch = batch
        self.model = torch.nn.Sequential(
            torch.nn.Linear(inputs, h1), torch.nn.BatchNorm1d(h1),
            torch.nn.ReLU(),
            torch.nn.Linear(h1, h2), torch.nn.BatchNorm1d(h2),
            torch.nn.ReLU(),
            torch.nn.Linear(h2, classes))
        self.model.train()
        self.opt = torch.optim.Adam(self.model.parameters())
        self.generator = torch.Generator().manual_seed(seed + 1)

    def round(self, steps):
        count = self.x.shape[0]
        order = torch.randperm(count, generator=self.generator)
        first, total = 0, 0.0
        start = time.perf_counter()
        for _ in range(steps):
            if first + self.batch > count:
                first = 0
            index = order[first:first + self.batch]
            first += self.batch
            xb, yb = self.x[index], self.y[index]
            loss = F.cross_entropy(self.model(xb), yb)
            self.opt.zero_grad(set_to_none=True)
            loss.backward()
            self.opt.step()
            total += loss.item()
        return time.perf_counter() - start, total / steps


def serve(threads):
    torch.set_num_threads(threads)
    try:
        blas = ctypes.CDLL("libopenblas.so.0")
        blas.openblas_get_corename.restype = ctypes.c_char_p
        core = blas.openblas_get_corename().decode()
        blas_threads = blas.openblas_get_num_threads()
    except (OSError, AttributeError):
        core, blas_threads = "(no-OpenBLAS-found)", 0
    print("blas %s %d" % (core, blas_threads))
    print("intraop %d" % torch.get_num_threads())
    print("mm %.2f" % mm_rate(), flush=True)
    nets = {}
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break
        if words[0] == "net" and len(words) == 9:
            name, path = words[1], words[2]
            inputs, h1, h2, classes, batch, seed = (int(w) for w in words[3:])
            nets[name] = Net(path, inputs, h1, h2, classes, batch, seed)
            print("ready", flush=True)
        elif words[0] == "round" and len(words) == 3 and words[1] in nets:
            seconds, loss = nets[words[1]].round(int(words[2]))
            if loss != loss:
                sys.exit("fused-torch.py: the loss is NaN")
            print("seconds %.9f loss %.6f" % (seconds, loss), flush=True)
        else:
            sys.exit("fused-torch.py: cannot read the command %r" % line)


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "threads":
        print("threads %d" % torch.get_num_threads())
        print("torch %s" % torch.__version__)
        print("blasinfo %s" % blas_info())
    elif len(sys.argv) == 3 and sys.argv[1] == "serve":
        serve(int(sys.argv[2]))
    else:
        sys.exit("usage: fused-torch.py threads | serve THREADS")


if __name__ == "__main__":
    main()
