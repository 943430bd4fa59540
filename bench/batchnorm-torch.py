"""batchnorm-torch.py: PyTorch's side of Chapter 9 (batch normalization).

Run with /usr/bin/python3 (Debian's python3-torch):

  batchnorm-torch.py FILE
      writes FILE, the reference traces that the claim bn-pytorch
      (verify/09-batchnorm.c) reads; the committed copy is
      bench/results/batchnorm-traces.txt. Run it by hand when the layer
      or PyTorch changes:
          /usr/bin/python3 bench/batchnorm-torch.py \\
              bench/results/batchnorm-traces.txt
      The file is committed, so that `make check` needs no Python.

What it runs. torch.nn.BatchNorm1d over N = 5 units (affine, tracking
running statistics), once in float64 and once in float32, through a
fixed sequence of steps in training and in evaluation mode, with gamma
and beta set to fixed values. Each step feeds a batch x of M rows, takes
the output y, and differentiates it against a fixed upstream gradient
dy with autograd: x.grad, weight.grad, bias.grad. Nothing is learned:
gamma and beta stay as set, so that every step tests the layer alone.

The inputs come from closed formulas, not from a random generator, so
that nothing has to be copied on the C side; the file still holds the
float64 numbers, since C's sin need not round as Python's does. At the
step k (counted from 0 over all steps of a configuration), row i and
unit j:
    x[i][j]  = a_j sin(1.3 i + 0.7 j + 0.9 k) + b_j
    dy[i][j] = cos(0.4 i - 1.1 j + 0.6 k) + 0.25
    gamma_j  = (-1)^j (1 + j/4),  beta_j = j/2 - 1
with a = (1, 1024, 1/2, 2^-10, 3), b = (0, -3, 1000, 1/4, 3): units
badly scaled on purpose (a spread of 1024; a mean of 1000 with a
spread of 1/2; a variance below eps). The float32 runs take the same
numbers rounded to float32 (torch's .to(torch.float32), to nearest), as
the C side does with a cast.

The file's format, one record per line, numbers printed with %.17g
(enough for a double to read back exactly; a float32 value prints as
the double it equals):
    batchnorm-traces configs C units N torch VERSION
    config LABEL steps K momentum P eps E      C times, each followed by
    gamma G1 ... GN
    beta B1 ... BN
    step MODE M                                K times, MODE train or eval
    x ... (M*N, row by row)
    dy ...
    then for T in 64 and 32 (float64, then float32):
    yT ... (M*N)         the output
    dxT ... (M*N)        x.grad
    dgammaT ... (N)      weight.grad
    dbetaT ... (N)       bias.grad
    meanT ... (N)        running_mean after the step
    varT ... (N)         running_var after the step
"""
import math
import sys

import torch

UNITS = 5
A = (1.0, 1024.0, 0.5, 2.0 ** -10, 3.0)
B = (0.0, -3.0, 1000.0, 0.25, 3.0)

# (label, steps as (mode, rows), momentum, eps)
CONFIGS = [
    ("wide", [("train", 16)] * 5 + [("eval", 16)], 0.1, 1e-5),
    ("pair", [("train", 2)] * 3 + [("eval", 1), ("train", 2), ("eval", 2)],
     0.1, 1e-5),
    ("options", [("train", 6)] * 3 + [("eval", 6)], 0.5, 1e-2),
]


def inputs(k, m):
    x = [[A[j] * math.sin(1.3 * i + 0.7 * j + 0.9 * k) + B[j]
          for j in range(UNITS)] for i in range(m)]
    dy = [[math.cos(0.4 * i - 1.1 * j + 0.6 * k) + 0.25
           for j in range(UNITS)] for i in range(m)]
    return x, dy


def parameters():
    gamma = [(-1.0) ** j * (1 + j / 4) for j in range(UNITS)]
    beta = [j / 2 - 1 for j in range(UNITS)]
    return gamma, beta


def line(word, values):
    return word + "".join(" %.17g" % v for v in values) + "\n"


def flat(t):
    return [float(v) for v in t.detach().to(torch.float64).reshape(-1)]


def run(dtype, steps, momentum, eps):
    """The records of every step, in the precision dtype."""
    bn = torch.nn.BatchNorm1d(UNITS, momentum=momentum, eps=eps,
                              affine=True, track_running_stats=True)
    bn = bn.to(dtype)
    gamma, beta = parameters()
    with torch.no_grad():
        bn.weight.copy_(torch.tensor(gamma, dtype=torch.float64))
        bn.bias.copy_(torch.tensor(beta, dtype=torch.float64))
    records = []
    for k, (mode, m) in enumerate(steps):
        bn.train(mode == "train")
        x, dy = inputs(k, m)
        xt = torch.tensor(x, dtype=torch.float64).to(dtype)
        xt.requires_grad_(True)
        dyt = torch.tensor(dy, dtype=torch.float64).to(dtype)
        bn.zero_grad(set_to_none=False)
        y = bn(xt)
        y.backward(dyt)
        records.append((flat(y), flat(xt.grad), flat(bn.weight.grad),
                        flat(bn.bias.grad), flat(bn.running_mean),
                        flat(bn.running_var)))
    return records


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: batchnorm-torch.py FILE")
    torch.set_num_threads(1)
    out = [line("batchnorm-traces configs %d units %d torch %s"
                % (len(CONFIGS), UNITS, torch.__version__), [])]
    gamma, beta = parameters()
    for label, steps, momentum, eps in CONFIGS:
        out.append("config %s steps %d momentum %.17g eps %.17g\n"
                   % (label, len(steps), momentum, eps))
        out.append(line("gamma", gamma))
        out.append(line("beta", beta))
        wide = run(torch.float64, steps, momentum, eps)
        narrow = run(torch.float32, steps, momentum, eps)
        for k, (mode, m) in enumerate(steps):
            x, dy = inputs(k, m)
            out.append("step %s %d\n" % (mode, m))
            out.append(line("x", [v for row in x for v in row]))
            out.append(line("dy", [v for row in dy for v in row]))
            for bits, record in (("64", wide[k]), ("32", narrow[k])):
                for word, values in zip(("y", "dx", "dgamma", "dbeta",
                                         "mean", "var"), record):
                    out.append(line(word + bits, values))
    with open(sys.argv[1], "w") as f:
        f.writelines(out)


if __name__ == "__main__":
    main()
