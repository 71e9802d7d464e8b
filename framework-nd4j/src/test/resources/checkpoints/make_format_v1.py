"""Writes format-v1-mlp-sgd.zip, a Lathe training checkpoint of format version 1, with NumPy
alone (independently of the Java writer): CheckpointFormatV1Test reads it, so every later Lathe
must read it too. Run with Debian's Python: /usr/bin/python3 make_format_v1.py
"""
import io
import json
import zipfile

import numpy as np


def npy(array):
    out = io.BytesIO()
    np.save(out, np.ascontiguousarray(array, dtype="<f4"))
    return out.getvalue()


# The variables of Models.mlp(2, List.of(3), 2, seed): dense0 2->3, dense1 3->2.
parameters = {
    "dense0/w": np.arange(6).reshape(2, 3) * 0.25 - 0.5,
    "dense0/b": np.array([0.1, -0.2, 0.3]),
    "dense1/w": np.arange(6).reshape(3, 2) * -0.125 + 0.25,
    "dense1/b": np.array([0.05, -0.05]),
}
momentum = {name: values * 0.01 for name, values in parameters.items()}

index = {
    "format": "lathe-training-checkpoint",
    "version": 1,
    "config": {
        "updater": {"type": "sgd", "momentum": 0.9, "nesterov": False, "weight_decay": 0.0005},
        "schedule": {"type": "warmup-cosine", "rate": 0.1, "warmup_steps": 2, "steps": 20,
                     "min_rate": 0.001},
        "batch_size": 4,
        "seed": 11,
        "clip_global_norm": 5.0,
    },
    "position": {"step": 3, "epoch": 1, "batch": 1, "examples": 8,
                 "epoch_loss_sum": 0.6931471805599453, "epoch_steps": 1},
    "parameters": [],
    "optimizer_state": [],
}
entries = {}
for i, (name, values) in enumerate(parameters.items()):
    entry = "parameters/%d.npy" % i
    entries[entry] = npy(values)
    index["parameters"].append({"name": name, "entry": entry})
for i, (name, values) in enumerate(momentum.items()):
    entry = "optimizer/%d.npy" % (len(parameters) + i)
    entries[entry] = npy(values)
    index["optimizer_state"].append({"name": name, "slot": "momentum", "entry": entry})

with zipfile.ZipFile("format-v1-mlp-sgd.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("checkpoint.json", json.dumps(index, indent=2))
    for entry, data in entries.items():
        z.writestr(entry, data)
