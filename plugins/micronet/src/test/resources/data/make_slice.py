"""Writes fashion-mnist/: the first 256 training and 128 test images of Fashion-MNIST (MIT
licence, Zalando Research; arXiv:1708.07747) with their labels, as gzipped IDX files named as
the full data set's, and the manifest that marks the folder as a present data set for
LATHE_DATA_DIR. Reads the Debian package dataset-fashion-mnist:

    python3 make_slice.py
"""
import gzip
import hashlib
import json
import os
import struct

SOURCE = "/usr/share/datasets/fashion-mnist"
SPLITS = {"train": 256, "t10k": 128}


def head(path, count):
    data = gzip.open(path).read()
    rank = data[3]
    dims = struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank])
    per_item = 1
    for d in dims[1:]:
        per_item *= d
    body = 4 + 4 * rank
    return (data[:4] + struct.pack(">I", count) + data[8:body]
            + data[body:body + count * per_item])


def main():
    os.makedirs("fashion-mnist", exist_ok=True)
    files = []
    for split, count in SPLITS.items():
        for kind in ("images-idx3-ubyte", "labels-idx1-ubyte"):
            name = "%s-%s.gz" % (split, kind)
            content = gzip.compress(head(os.path.join(SOURCE, name), count), 9, mtime=0)
            with open(os.path.join("fashion-mnist", name), "wb") as f:
                f.write(content)
            files.append({"name": name, "bytes": len(content),
                          "sha256": hashlib.sha256(content).hexdigest()})
    manifest = {"format": 1, "name": "fashion-mnist",
                "source": "slice of debian:dataset-fashion-mnist (make_slice.py)",
                "fetched": "2026-11-27T00:00:00Z", "files": sorted(files, key=lambda f: f["name"])}
    with open(os.path.join("fashion-mnist", ".lathe-data.json"), "w") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


main()
