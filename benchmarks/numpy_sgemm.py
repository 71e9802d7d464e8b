"""NumPy's and PyTorch's sgemm GFLOP/s beside Lathe's SgemmThroughput benchmark, in the same run.

For each size n: C = A @ B on float32 n x n matrices (standard normal, C order), 2 n^3 FLOPs per
product; a few untimed products first, then the median over repeats of the rate of `products`
timed products. NumPy is Debian's python3-numpy on Debian's OpenBLAS (libblas.so.3); PyTorch is
Debian's python3-torch (torch.mm). The thread count is set by the caller through
OPENBLAS_NUM_THREADS and OMP_NUM_THREADS (read when the libraries load) and, for PyTorch, with
torch.set_num_threads. Prints one JSON object:
{"numpy": version, "torch": version, "blas": library, "threads": N,
 "rows": [{"side": "numpy" | "torch", "n": n, "rates": [GFLOP/s per repeat]}]}.
Run with Debian's interpreter:
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 /usr/bin/python3 numpy_sgemm.py --sizes 256,512 --threads 1
"""
import argparse
import json
import os
import time

import numpy as np
import torch


def products_for(n, seconds_of_work):
    """Enough products of size n for about seconds_of_work at 100 GFLOP/s, at least 2."""
    return max(2, int(seconds_of_work * 100e9 / (2.0 * n ** 3)))


def rates(multiply, n, repeats, products):
    for _ in range(2):
        multiply()
    result = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(products):
            multiply()
        result.append(products * 2.0 * n ** 3 / (time.perf_counter() - start) / 1e9)
    return result


def blas_library():
    """The shared BLAS library NumPy's process has mapped (Debian's alternatives decide it)."""
    with open("/proc/self/maps", encoding="ascii", errors="replace") as maps:
        for line in maps:
            path = line.split()[-1]
            if "blas" in os.path.basename(path):
                return os.path.realpath(path)
    return "unknown"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", required=True, help="comma-separated n")
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=0.2,
                        help="work per repeat, at 100 GFLOP/s")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    generator = np.random.default_rng(1)
    rows = []
    for n in (int(s) for s in args.sizes.split(",")):
        a = generator.standard_normal((n, n), dtype=np.float32)
        b = generator.standard_normal((n, n), dtype=np.float32)
        c = np.empty((n, n), dtype=np.float32)
        products = products_for(n, args.seconds)
        rows.append({"side": "numpy", "n": n,
                     "rates": rates(lambda: np.matmul(a, b, out=c), n, args.repeats, products)})
        ta, tb, tc = torch.from_numpy(a), torch.from_numpy(b), torch.from_numpy(c)
        rows.append({"side": "torch", "n": n,
                     "rates": rates(lambda: torch.mm(ta, tb, out=tc), n, args.repeats, products)})
    print(json.dumps({"numpy": np.__version__, "torch": torch.__version__,
                      "blas": blas_library(), "threads": args.threads, "rows": rows}))


if __name__ == "__main__":
    main()
