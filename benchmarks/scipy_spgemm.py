#!/usr/bin/python3
"""Times SciPy's sparse product A @ A on Matrix Market files, as Lathe's SpGEMM benchmark compares.

Usage: /usr/bin/python3 scipy_spgemm.py REPEATS FILE...
Prints one JSON object: SciPy's version and, per file, the product's stored entries, the seconds
of each A @ A (SciPy leaves the product's rows unsorted) and of each A @ A followed by
sort_indices() (sorted rows, as Lathe's CSR keeps them). Reading the file is not timed.
"""
import json
import sys
import time

import scipy
import scipy.io
import scipy.sparse


def main():
    repeats = int(sys.argv[1])
    results = []
    for path in sys.argv[2:]:
        a = scipy.sparse.csr_matrix(scipy.io.mmread(path))
        product_seconds, sorted_seconds = [], []
        for _ in range(repeats):
            start = time.perf_counter()
            product = a @ a
            multiplied = time.perf_counter()
            product.sort_indices()
            product_seconds.append(multiplied - start)
            sorted_seconds.append(time.perf_counter() - start)
        results.append({
            "file": path,
            "nnz": int(a.nnz),
            "product_nnz": int(product.nnz),
            "product_seconds": product_seconds,
            "product_sorted_seconds": sorted_seconds,
        })
    print(json.dumps({"scipy": scipy.__version__, "matrices": results}))


if __name__ == "__main__":
    main()
