"""PyTorch's training steps per second on the workload of Lathe's TrainingThroughput benchmark.

The same models as Lathe's Models.mlp(784, [256], 10) and Models.smallCnn(1, 28, 28, 10): an MLP
784-256-10 with ReLU, and conv 3x3 -> 32, ReLU, conv 3x3 -> 64, ReLU, max-pool 2x2, dense 128,
ReLU, dense 10; softmax cross-entropy (mean over the batch), Adam (lr 1e-3), synthetic data with
Fashion-MNIST's shapes (standard normal features, uniform labels), batches drawn in a fresh
random order every epoch. Prints one JSON object:
{"torch": version, "model": ..., "threads": N, "batch": B, "steps": S, "rates": [steps/s per repeat]}.
Run with Debian's interpreter: /usr/bin/python3 torch_training.py --model mlp --threads 1
"""
import argparse
import json
import time

import torch
from torch import nn


def model_of(name):
    if name == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    if name == "cnn":
        return nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(9216, 128), nn.ReLU(), nn.Linear(128, 10))
    raise ValueError("unknown model " + name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["mlp", "cnn"], required=True)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--batches", type=int, default=16, help="batches per epoch of data")
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    n = args.batch * args.batches
    features = torch.randn(n, 1, 28, 28)
    labels = torch.randint(0, 10, (n,))
    model = model_of(args.model)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    order = torch.randperm(n)
    position = 0

    def step():
        nonlocal order, position
        if position >= n:
            order = torch.randperm(n)
            position = 0
        rows = order[position:position + args.batch]
        position += args.batch
        optimizer.zero_grad()
        loss = loss_fn(model(features[rows]), labels[rows])
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(args.warmup):
        step()
    rates = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        for _ in range(args.steps):
            step()
        rates.append(args.steps / (time.perf_counter() - start))
    print(json.dumps({"torch": torch.__version__, "model": args.model, "threads": args.threads,
                      "batch": args.batch, "steps": args.steps, "rates": rates}))


if __name__ == "__main__":
    main()
