"""adaptive-torch.py: PyTorch's side of Chapter 8 (adaptive methods).

Run with /usr/bin/python3 (Debian's python3-torch). Three modes:

  adaptive-torch.py traces FILE
      writes FILE, the reference traces that the claim adaptive-pytorch
      (verify/08-adaptive.c) reads: a few steps of every rule of
      torch.optim that descent's adaptive.h reproduces, in float64, on a
      small fixed problem. Run by hand when the rules or PyTorch change;
      the file is committed, so that `make check` needs no Python.

  adaptive-torch.py threads
      prints "threads N" (torch.get_num_threads(), PyTorch's default) and
      "torch VERSION", for bench/adam.c.

  adaptive-torch.py adam N REPEATS THREADS SEED
      PyTorch's side of bench/adam.c: one torch.optim.Adam step over a
      float32 tensor of N parameters, timed REPEATS times after two
      untimed steps (the first allocates the state), with the
      single-tensor implementation (foreach=False) and then with the
      foreach one (foreach=True), on THREADS intra-op threads. Prints
      "single SECONDS" and "foreach SECONDS" per timed step, and
      "blas CORE THREADS" and "intraop N" as bench/train-torch.py does.

The traces' problem. Four parameters, theta0 = (0.3, -0.7, 1.1, 2.0),
and at step k the loss
    f_k(theta) = sum_i s_i ((theta_i - 1)^2 / 2 + sin(3 theta_i) / 2
                            + xi_ki theta_i),
with scales s = (0.1, 1, 3, 10) and xi_k standard Gaussian from a
seeded generator: curvatures that differ by a factor of 100 and change
sign, and noise that flips the gradient's signs now and then, so that
every branch of every rule is taken (Rprop's growth, shrinking and
bounds; AMSGrad's maximum). autograd gives g_k = grad f_k(theta_k); the
file keeps g_k and the parameters after each step, so that the test
feeds our rule PyTorch's gradients and compares the iterates, the rule
alone being under test.

The file's format, one record per line, numbers as Python's repr (the
shortest decimal that reads back as the same double):
    traces COUNT steps K n N torch VERSION
    rule KIND LABEL LR [KEY VALUE]...   one per configuration, then
    theta V1 ... VN                     theta0, then K lines
    step G1 ... GN THETA1 ... THETAN    g_k, then theta_{k+1}
KIND is descent's name of the rule (descent_adaptive_name), LABEL the
configuration's, and the KEY VALUE pairs are the options that differ
from PyTorch's defaults, in the names of descent_adaptive_options
(booleans as 0 or 1).
"""
import ctypes
import sys
import time

import torch

SCALES = (0.1, 1.0, 3.0, 10.0)
THETA0 = (0.3, -0.7, 1.1, 2.0)
STEPS = 40
SEED = 8

# (label, descent's kind, torch class, lr, options in descent's names)
CONFIGS = [
    ("sgd", "SGD", torch.optim.SGD, 0.02, {}),
    ("sgd-momentum", "SGD", torch.optim.SGD, 0.02, {"momentum": 0.9}),
    ("sgd-dampening", "SGD", torch.optim.SGD, 0.02,
     {"momentum": 0.9, "dampening": 0.5, "weight_decay": 0.01}),
    ("sgd-nesterov", "SGD", torch.optim.SGD, 0.02,
     {"momentum": 0.9, "nesterov": True, "weight_decay": 0.01}),
    ("rprop", "Rprop", torch.optim.Rprop, 0.01, {}),
    ("rprop-bounds", "Rprop", torch.optim.Rprop, 0.1,
     {"eta_minus": 0.3, "eta_plus": 1.5, "step_min": 1e-3,
      "step_max": 0.2}),
    ("adagrad", "AdaGrad", torch.optim.Adagrad, 0.1, {}),
    ("adagrad-decay", "AdaGrad", torch.optim.Adagrad, 0.1,
     {"lr_decay": 0.05, "initial_accumulator": 0.1, "weight_decay": 0.01,
      "eps": 1e-6}),
    ("rmsprop", "RMSProp", torch.optim.RMSprop, 0.01, {}),
    ("rmsprop-centered", "RMSProp", torch.optim.RMSprop, 0.01,
     {"centered": True}),
    ("rmsprop-momentum", "RMSProp", torch.optim.RMSprop, 0.01,
     {"momentum": 0.9, "centered": True, "weight_decay": 0.01,
      "alpha": 0.9}),
    ("adam", "Adam", torch.optim.Adam, 0.05, {}),
    ("adam-amsgrad", "Adam", torch.optim.Adam, 0.05, {"amsgrad": True}),
    ("adam-l2", "Adam", torch.optim.Adam, 0.05,
     {"weight_decay": 0.1, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6}),
    ("adamw", "AdamW", torch.optim.AdamW, 0.05, {}),
    ("adamw-amsgrad", "AdamW", torch.optim.AdamW, 0.05,
     {"weight_decay": 0.1, "amsgrad": True}),
]


def torch_arguments(options):
    """descent's option names to torch.optim's keyword arguments."""
    pairs = {"beta1": ("betas", 0, (0.9, 0.999)),
             "beta2": ("betas", 1, (0.9, 0.999)),
             "eta_minus": ("etas", 0, (0.5, 1.2)),
             "eta_plus": ("etas", 1, (0.5, 1.2)),
             "step_min": ("step_sizes", 0, (1e-6, 50.0)),
             "step_max": ("step_sizes", 1, (1e-6, 50.0))}
    out = {}
    for key, value in options.items():
        if key in pairs:
            name, index, default = pairs[key]
            pair = list(out.get(name, default))
            pair[index] = value
            out[name] = tuple(pair)
        elif key == "initial_accumulator":
            out["initial_accumulator_value"] = value
        else:
            out[key] = value
    return out


def number(x):
    return repr(float(x))


def write_traces(path):
    torch.set_num_threads(1)
    scales = torch.tensor(SCALES, dtype=torch.float64)
    with open(path, "w") as out:
        out.write("traces %d steps %d n %d torch %s\n"
                  % (len(CONFIGS), STEPS, len(THETA0), torch.__version__))
        for label, kind, rule, lr, options in CONFIGS:
            generator = torch.Generator().manual_seed(SEED)
            theta = torch.tensor(THETA0, dtype=torch.float64,
                                 requires_grad=True)
            opt = rule([theta], lr=lr, foreach=False,
                       **torch_arguments(options))
            fields = ["rule", kind, label, number(lr)]
            for key, value in options.items():
                fields += [key, str(int(value)) if isinstance(value, bool)
                           else number(value)]
            out.write(" ".join(fields) + "\n")
            out.write("theta " + " ".join(number(t) for t in
                                          theta.detach()) + "\n")
            for _ in range(STEPS):
                xi = torch.randn(len(THETA0), generator=generator,
                                 dtype=torch.float64)
                loss = (scales * ((theta - 1) ** 2 / 2
                                  + torch.sin(3 * theta) / 2
                                  + xi * theta)).sum()
                opt.zero_grad(set_to_none=True)
                loss.backward()
                g = theta.grad.detach().clone()
                opt.step()
                out.write("step " + " ".join(number(v) for v in g) + " "
                          + " ".join(number(t) for t in theta.detach())
                          + "\n")


def blas_report():
    try:
        blas = ctypes.CDLL("libopenblas.so.0")
        blas.openblas_get_corename.restype = ctypes.c_char_p
        return "%s %d" % (blas.openblas_get_corename().decode(),
                          blas.openblas_get_num_threads())
    except (OSError, AttributeError):
        return "(no-OpenBLAS-found) 0"


def time_adam(count, repeats, threads, seed):
    torch.set_num_threads(threads)
    generator = torch.Generator().manual_seed(seed)
    print("blas %s" % blas_report())
    print("intraop %d" % torch.get_num_threads(), flush=True)
    for name, foreach in (("single", False), ("foreach", True)):
        theta = torch.randn(count, generator=generator, dtype=torch.float32)
        theta.requires_grad_(True)
        theta.grad = torch.randn(count, generator=generator,
                                 dtype=torch.float32)
        opt = torch.optim.Adam([theta], lr=1e-3, foreach=foreach)
        for _ in range(2):                      # allocates the state
            opt.step()
        for _ in range(repeats):
            start = time.perf_counter()
            opt.step()
            seconds = time.perf_counter() - start
            print("%s %.9f" % (name, seconds), flush=True)
        if not bool(torch.isfinite(theta).all()):
            sys.exit("adaptive-torch.py: Adam's parameters are not finite")
        del opt, theta


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "traces":
        write_traces(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "threads":
        print("threads %d" % torch.get_num_threads())
        print("torch %s" % torch.__version__)
    elif len(sys.argv) == 6 and sys.argv[1] == "adam":
        time_adam(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]),
                  int(sys.argv[5]))
    else:
        sys.exit("usage: adaptive-torch.py traces FILE | threads | "
                 "adam N REPEATS THREADS SEED")


if __name__ == "__main__":
    main()
