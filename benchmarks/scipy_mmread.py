#!/usr/bin/python3
"""Reads a Matrix Market file with SciPy, as Lathe's graph-reader benchmark compares.

Usage: /usr/bin/python3 scipy_mmread.py FILE REPEATS
Prints one JSON object: SciPy's version, the matrix's shape, its stored entries after
scipy.io.mmread (COO, symmetric files mirrored) and after tocsr() (duplicates summed), the
seconds of each mmread, of each mmread + tocsr(), of each product A @ A (whose rows SciPy
leaves unsorted) and of each A @ A followed by sort_indices() (sorted rows, as Lathe's CSR
keeps them), with the product's entries.
"""
import json
import sys
import time

import scipy
import scipy.io
import scipy.sparse


def main():
    path, repeats = sys.argv[1], int(sys.argv[2])
    read_seconds, csr_seconds, product_seconds, sorted_seconds = [], [], [], []
    for _ in range(repeats):
        start = time.perf_counter()
        raw = scipy.io.mmread(path)
        read = time.perf_counter()
        csr = scipy.sparse.csr_matrix(raw)
        done = time.perf_counter()
        read_seconds.append(read - start)
        csr_seconds.append(done - start)
    product_nnz = None
    if csr.shape[0] == csr.shape[1]:
        for _ in range(repeats):
            start = time.perf_counter()
            product = csr @ csr
            multiplied = time.perf_counter()
            product.sort_indices()
            product_seconds.append(multiplied - start)
            sorted_seconds.append(time.perf_counter() - start)
        product_nnz = int(product.nnz)
    print(json.dumps({
        "scipy": scipy.__version__,
        "rows": int(csr.shape[0]),
        "columns": int(csr.shape[1]),
        "stored": int(raw.nnz) if scipy.sparse.issparse(raw) else int(csr.nnz),
        "nnz": int(csr.nnz),
        "read_seconds": read_seconds,
        "read_csr_seconds": csr_seconds,
        "product_nnz": product_nnz,
        "product_seconds": product_seconds,
        "product_sorted_seconds": sorted_seconds,
    }))


if __name__ == "__main__":
    main()
