"""gpu-torch.py: PyTorch's side of the GPU benchmark (make bench-gpu).

Run by bench/gpu.sh on a machine with a CUDA GPU; never by `make bench`.
The network, batch and rule of bench/gpu-bench.c: an MLP 784-1024-1024-10
with batch normalization after each hidden dense layer (dense, BatchNorm1d,
ReLU), softmax cross-entropy, batch 256, torch.optim.Adam(lr=1e-3), on
random inputs and labels already on the device. TF32 is off, as in
descent's cuBLAS calls. Ten steps of warm-up, then STEPS steps, each timed
with CUDA events on the current stream (the step as descent times it: the
gather of the batch by index, forward, loss, backward and the update;
the loss is not read back, as descent's timed step does not).

Prints "device NAME", "torch VERSION", "median SECONDS", "p10 SECONDS",
"p90 SECONDS" and "samples_per_second N", one per line. Exits 1, saying
why, where PyTorch has no CUDA.
"""
import sys

import torch

STEPS = 200
BATCH, INPUTS, HIDDEN, CLASSES, COUNT = 256, 784, 1024, 10, 256 * 40


def main():
    if not torch.cuda.is_available():
        print("gpu-torch: PyTorch has no CUDA device", file=sys.stderr)
        return 1
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    torch.manual_seed(1)
    dev = torch.device("cuda")
    model = torch.nn.Sequential(
        torch.nn.Linear(INPUTS, HIDDEN), torch.nn.BatchNorm1d(HIDDEN),
        torch.nn.ReLU(),
        torch.nn.Linear(HIDDEN, HIDDEN), torch.nn.BatchNorm1d(HIDDEN),
        torch.nn.ReLU(),
        torch.nn.Linear(HIDDEN, CLASSES)).to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()
    x = torch.rand(COUNT, INPUTS, device=dev)
    y = torch.randint(0, CLASSES, (COUNT,), device=dev)
    index = torch.randperm(COUNT, device=dev)[:BATCH]

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x[index]), y[index])
        loss.backward()
        opt.step()

    for _ in range(10):
        step()
    torch.cuda.synchronize()
    times = []
    for _ in range(STEPS):
        start = torch.cuda.Event(enable_timing=True)
        stop = torch.cuda.Event(enable_timing=True)
        start.record()
        step()
        stop.record()
        stop.synchronize()
        times.append(start.elapsed_time(stop) / 1e3)
    times.sort()
    median = times[STEPS // 2]
    print("device", torch.cuda.get_device_name())
    print("torch", torch.__version__)
    print("median", median)
    print("p10", times[STEPS // 10])
    print("p90", times[STEPS * 9 // 10])
    print("samples_per_second", BATCH / median)
    return 0


if __name__ == "__main__":
    sys.exit(main())
