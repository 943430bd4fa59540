#!/usr/bin/env bash
# bench/gpu.sh: `make bench-gpu`, the GPU's part of Chapter 10, in one go,
# on a machine with a CUDA GPU, the toolkit (nvcc on the PATH or in
# /usr/local/cuda/bin) and PyTorch with CUDA for python3:
#   1. builds the library with CUDA in $B (default build/gpu) and runs
#      every check (`make check`: the GPU's claims run there, not skipped);
#   2. runs bench/gpu-torch.py, PyTorch on the same GPU and network;
#   3. runs bench/gpu-bench.c, which measures the step and each kernel
#      and trains the network of claim gpu-accuracy, and writes
#      bench/results/gpu.txt (device, driver, date, every figure),
#      gpu.tex (the book's table), gpu-kernels.dat and gpu-train.dat.
# Without a GPU or the toolkit it says so and exits 1, writing nothing.
# It must finish within 5 minutes on an H100/H200-class machine.
set -euo pipefail
cd "$(dirname "$0")/.."
B=${B:-build/gpu}
results=${BENCH_RESULTS:-bench/results}
nvcc=$(command -v nvcc || true)
if [[ -z $nvcc && -x /usr/local/cuda/bin/nvcc ]]; then
  nvcc=/usr/local/cuda/bin/nvcc
fi
if [[ -z $nvcc ]]; then
  echo "bench-gpu: no CUDA toolkit (nvcc) on this machine; nothing measured" >&2
  exit 1
fi
if ! nvidia-smi -L >/dev/null 2>&1; then
  echo "bench-gpu: no CUDA device (nvidia-smi finds none); nothing measured" >&2
  exit 1
fi
jobs=$(nproc)
log=$(mktemp) torch=$(mktemp)
trap 'rm -f "$log" "$torch"' EXIT

echo "bench-gpu: make check with CUDA ($nvcc), in $B"
check=0
make -j"$jobs" B="$B" NVCC="$nvcc" check 2>&1 | tee "$log" || check=$?

echo "bench-gpu: PyTorch on the same GPU and network"
python3 bench/gpu-torch.py | tee "$torch"
torch_rate=$(awk '$1 == "samples_per_second" { print $2 }' "$torch")
torch_version=$(awk '$1 == "torch" { print $2 }' "$torch")

echo "bench-gpu: the step, the kernels and a training run"
make -j"$jobs" B="$B" NVCC="$nvcc" "$B/bench/gpu-bench"
mkdir -p "$results"
GPU_TORCH_SAMPLES=$torch_rate GPU_TORCH_VERSION=$torch_version \
  GPU_CHECK_STATUS=$check BENCH_RESULTS=$results "$B/bench/gpu-bench"
{
  echo
  echo "make check ($([[ $check -eq 0 ]] && echo passed || echo "FAILED, status $check")): the GPU's claims"
  grep -E '^\[ CLAIM    \] gpu-|GPU checks skipped|^GPU: |gpu-step:|gpu-accuracy:' "$log" || true
  echo
  echo "PyTorch:"
  cat "$torch"
} >>"$results/gpu.txt"
echo "bench-gpu: wrote $results/gpu.txt, gpu.tex, gpu-kernels.dat, gpu-train.dat"
exit "$check"
