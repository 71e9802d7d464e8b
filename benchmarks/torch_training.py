"""PyTorch's training steps per second on the workload of Lathe's TrainingThroughput benchmark.

The same models as Lathe's Models.mlp(784, [256], 10), Models.smallCnn(1, 28, 28, 10) and
TrainingThroughput.transformerBlock(): an MLP 784-256-10 with ReLU; conv 3x3 -> 32, ReLU,
conv 3x3 -> 64, ReLU, max-pool 2x2, dense 128, ReLU, dense 10; and one pre-norm transformer block
(embedding 1000 x 128, layer norm, 4-head self-attention with q/k/v/out projections, residual add,
layer norm, linear 128 -> 512, exact GELU, linear 512 -> 128, residual add, linear head 128 ->
1000 at each of 64 positions). Softmax cross-entropy (mean over the batch; over every position
for the transformer), Adam (lr 1e-3); synthetic data: Fashion-MNIST's shapes (standard normal
features, uniform labels) for the first two, uniform random token ids and next-token ids for the
transformer; batches drawn in a fresh random order every epoch. Prints one JSON object:
{"torch": version, "model": ..., "threads": N, "batch": B, "parameters": P, "steps": S,
 "rates": [steps/s per repeat]}.
Run with Debian's interpreter: /usr/bin/python3 torch_training.py --model mlp --threads 1
"""
import argparse
import json
import math
import time

import torch
from torch import nn


VOCABULARY = 1000
SEQUENCE = 64
MODEL_DIM = 128
HEADS = 4
FEED_FORWARD = 512


class TransformerBlock(nn.Module):
    """The block of Lathe's TrainingThroughput.transformerBlock(), op for op."""

    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(VOCABULARY, MODEL_DIM)
        self.ln1 = nn.LayerNorm(MODEL_DIM)
        self.q = nn.Linear(MODEL_DIM, MODEL_DIM)
        self.k = nn.Linear(MODEL_DIM, MODEL_DIM)
        self.v = nn.Linear(MODEL_DIM, MODEL_DIM)
        self.out = nn.Linear(MODEL_DIM, MODEL_DIM)
        self.ln2 = nn.LayerNorm(MODEL_DIM)
        self.fc1 = nn.Linear(MODEL_DIM, FEED_FORWARD)
        self.gelu = nn.GELU()
        self.fc2 = nn.Linear(FEED_FORWARD, MODEL_DIM)
        self.head = nn.Linear(MODEL_DIM, VOCABULARY)

    def heads(self, x):
        n, t, _ = x.shape
        return x.view(n, t, HEADS, MODEL_DIM // HEADS).transpose(1, 2)

    def forward(self, tokens):
        x = self.embed(tokens)
        h = self.ln1(x)
        q, k, v = self.heads(self.q(h)), self.heads(self.k(h)), self.heads(self.v(h))
        scores = q @ k.transpose(-2, -1) / math.sqrt(MODEL_DIM // HEADS)
        context = (torch.softmax(scores, dim=-1) @ v).transpose(1, 2).reshape(x.shape)
        x = x + self.out(context)
        x = x + self.fc2(self.gelu(self.fc1(self.ln2(x))))
        return self.head(x)


def model_of(name):
    if name == "mlp":
        return nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10))
    if name == "cnn":
        return nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(9216, 128), nn.ReLU(), nn.Linear(128, 10))
    if name == "transformer":
        return TransformerBlock()
    raise ValueError("unknown model " + name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=["mlp", "cnn", "transformer"], required=True)
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
    if args.model == "transformer":
        features = torch.randint(0, VOCABULARY, (n, SEQUENCE))
        labels = torch.randint(0, VOCABULARY, (n, SEQUENCE))
    else:
        features = torch.randn(n, 1, 28, 28)
        labels = torch.randint(0, 10, (n,))
    model = model_of(args.model)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    cross_entropy = nn.CrossEntropyLoss()

    def loss_fn(logits, targets):
        return cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1))
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
    cpu_start = time.thread_time()
    for _ in range(args.repeats):
        start = time.perf_counter()
        for _ in range(args.steps):
            step()
        rates.append(args.steps / (time.perf_counter() - start))
    cpu_ms_per_step = (time.thread_time() - cpu_start) * 1000 / (args.repeats * args.steps)
    print(json.dumps({"torch": torch.__version__, "model": args.model, "threads": args.threads,
                      "batch": args.batch,
                      "parameters": sum(p.numel() for p in model.parameters()), "steps": args.steps, "rates": rates,
                      "cpu_ms_per_step": cpu_ms_per_step}))


if __name__ == "__main__":
    main()
