"""train-torch.py: PyTorch's side of bench/train.c (make bench).

Run by bench/train.c with /usr/bin/python3 (Debian's python3-torch), never
on its own in `make bench`. Two modes:

  train-torch.py threads
      prints "threads N", N = torch.get_num_threads() (PyTorch's default).

  train-torch.py run FILE INPUTS HIDDEN1,HIDDEN2 CLASSES BATCH EPOCHS
                 REPEATS ETA MOMENTUM THREADS SEED
      reads FILE, written by bench/train.c: a little-endian uint64 count,
      then count x INPUTS float32 inputs (row-major), then count int32
      labels: the same samples descent trains on. It builds the MLP
      INPUTS-HIDDEN1-HIDDEN2-CLASSES (ReLU, softmax cross-entropy),
      torch.optim.SGD with lr = ETA and momentum = MOMENTUM, and trains
      EPOCHS epochs of shuffled minibatches of BATCH, REPEATS times after
      one untimed warm-up run, with THREADS intra-op threads. It prints
      one line per timed run, "run SECONDS SAMPLES".

What is timed is what descent_train does per step and nothing else: a
permutation per epoch, then for each minibatch the gather of its rows,
forward, loss, backward, the update, and the loss read back (descent
keeps each step's loss for its epoch record). The data are in memory
before the clock starts, as on descent's side; nothing is evaluated.
"""
import sys
import time

import ctypes

import numpy
import torch
import torch.nn.functional as F


def load(path, inputs):
    with open(path, "rb") as f:
        count = int(numpy.frombuffer(f.read(8), dtype="<u8")[0])
        x = numpy.frombuffer(f.read(4 * count * inputs), dtype="<f4")
        y = numpy.frombuffer(f.read(4 * count), dtype="<i4")
    if x.size != count * inputs or y.size != count:
        sys.exit("train-torch.py: %s is truncated" % path)
    return (torch.from_numpy(x.copy()).reshape(count, inputs),
            torch.from_numpy(y.astype(numpy.int64)))


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "threads":
        print("threads %d" % torch.get_num_threads())
        print("torch %s" % torch.__version__)
        return
    # torch's own matrix products call sgemm_ through libblas.so.3; on
    # Debian that is OpenBLAS, loaded once in this process, so ctypes
    # finds the same library and says which kernel and thread count ran.
    try:
        blas = ctypes.CDLL("libopenblas.so.0")
        blas.openblas_get_corename.restype = ctypes.c_char_p
        blas_core = blas.openblas_get_corename().decode()
    except (OSError, AttributeError):
        blas, blas_core = None, "(no-OpenBLAS-found)"
    if len(sys.argv) != 13 or sys.argv[1] != "run":
        sys.exit("usage: train-torch.py threads | run FILE INPUTS H1,H2 "
                 "CLASSES BATCH EPOCHS REPEATS ETA MOMENTUM THREADS SEED")
    (path, inputs, hidden, classes, batch, epochs, repeats, eta, momentum,
     threads, seed) = sys.argv[2:]
    inputs, classes, batch = int(inputs), int(classes), int(batch)
    epochs, repeats, threads = int(epochs), int(repeats), int(threads)
    eta, momentum = float(eta), float(momentum)
    h1, h2 = (int(h) for h in hidden.split(","))
    torch.set_num_threads(threads)
    torch.manual_seed(int(seed))
    x, y = load(path, inputs)
    count = x.shape[0]
    model = torch.nn.Sequential(
        torch.nn.Linear(inputs, h1), torch.nn.ReLU(),
        torch.nn.Linear(h1, h2), torch.nn.ReLU(),
        torch.nn.Linear(h2, classes))
    opt = torch.optim.SGD(model.parameters(), lr=eta, momentum=momentum)
    generator = torch.Generator().manual_seed(int(seed) + 1)

    def train():
        total = 0.0
        for _ in range(epochs):
            order = torch.randperm(count, generator=generator)
            for first in range(0, count, batch):
                index = order[first:first + batch]
                xb, yb = x[index], y[index]
                loss = F.cross_entropy(model(xb), yb)
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                total += loss.item()
        return total

    print("blas %s %d" % (blas_core,
                          blas.openblas_get_num_threads() if blas else 0))
    print("intraop %d" % torch.get_num_threads(), flush=True)
    train()                                   # warm-up, untimed
    for _ in range(repeats):
        start = time.perf_counter()
        total = train()
        seconds = time.perf_counter() - start
        if total != total:
            sys.exit("train-torch.py: the loss is NaN")
        print("run %.6f %d" % (seconds, epochs * count), flush=True)


if __name__ == "__main__":
    main()
