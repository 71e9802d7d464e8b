"""Writes reference.zip: PyTorch 1.13's outputs, gradients and running statistics for the four
small networks that SameDiffNetworkReferenceTest describes again in Java (one of every layer
kind the bridge builds). Run with Debian's Python, which has torch:

    /usr/bin/python3 make_reference.py

Every array is a float32 .npy entry named KIND:NETWORK:NAME, where KIND is
  param      a parameter or running statistic before training (PyTorch's layouts and names,
             NODE/weight, NODE/bias, NODE/running_mean, ...),
  input      a network input (token ids as floats),
  inference  an output in inference mode (running statistics),
  training   an output in training mode (batch statistics),
  grad       the gradient of sum(training output * R) for each parameter,
  r          R, the weights of that sum,
  running    a running statistic after that one training pass (momentum 0.1).
The reference is computed in float64 from the float32 values and rounded to float32.
"""
import io
import zipfile

import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(20240611)
EPS = 1e-5


def conv(p, name, x, stride=1, padding=0, dilation=1, groups=1, dims=2):
    fn = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}[dims]
    return fn(x, p[name + "/weight"], p.get(name + "/bias"), stride, padding, dilation, groups)


def batch_norm(p, name, x, training):
    return F.batch_norm(x, p[name + "/running_mean"], p[name + "/running_var"],
                        p[name + "/weight"], p[name + "/bias"], training, 0.1, EPS)


def linear(p, name, x):
    return F.linear(x, p[name + "/weight"], p.get(name + "/bias"))


def squeeze_excitation(p, name, x):
    s = x.mean(dim=tuple(range(2, x.dim())))
    s = F.hardsigmoid(linear(p, name + "/expand", F.relu(linear(p, name + "/reduce", s))))
    return x * s.reshape(s.shape + (1,) * (x.dim() - 2))


def attention(p, name, x, memory, heads, head_dim):
    n, t, _ = x.shape
    s = memory.shape[1]
    q = linear(p, name + "/q", x).reshape(n, t, heads, head_dim).transpose(1, 2)
    k = linear(p, name + "/k", memory).reshape(n, s, heads, head_dim).transpose(1, 2)
    v = linear(p, name + "/v", memory).reshape(n, s, heads, head_dim).transpose(1, 2)
    w = torch.softmax(q @ k.transpose(2, 3) / head_dim ** 0.5, dim=-1)
    return linear(p, name + "/out", (w @ v).transpose(1, 2).reshape(n, t, heads * head_dim))


def temporal_shift(x, fold_divisor):
    # TSM (arXiv:1811.08383) on [N, C, T, ...]: the first fold channels take the next frame's
    # values, the next fold the previous frame's, vacated frames are zero.
    fold = x.shape[1] // fold_divisor
    out = torch.zeros_like(x)
    out[:, :fold, :-1] = x[:, :fold, 1:]
    out[:, fold:2 * fold, 1:] = x[:, fold:2 * fold, :-1]
    out[:, 2 * fold:] = x[:, 2 * fold:]
    return out


def cnn(p, x, training):
    x = x["image"]
    a = F.hardswish(batch_norm(p, "bn1", conv(p, "c1", x, stride=2, padding=1), training))
    a = F.relu6(conv(p, "c2", a, padding=2, dilation=2, groups=2))
    a = F.hardsigmoid(batch_norm(p, "bn2", conv(p, "dw", a, padding=1, groups=8), training))
    se = squeeze_excitation(p, "se", a)
    total = conv(p, "c3", se) + se
    t = torch.tanh(F.gelu(total) * F.silu(total))
    pooled = torch.cat([F.max_pool2d(t, 3, 2, 1), F.avg_pool2d(t, 2, 2, 1)], dim=1)
    g = torch.sigmoid(pooled)
    both = pooled.mean(dim=(2, 3), keepdim=True) + g.amax(dim=(2, 3), keepdim=True)
    fc = linear(p, "fc", both.flatten(1))
    bn3 = batch_norm(p, "bn3", fc, training)
    return {"fc": fc, "sm": torch.softmax(bn3.reshape(-1, 2, 5), dim=-1)}


def seq(p, x, training):
    x = x["signal"]
    c = conv(p, "c", x, stride=2, padding=2, dilation=2, groups=2, dims=1)
    r = F.relu(F.instance_norm(c, weight=p["in/weight"], bias=p["in/bias"], eps=EPS))
    total = F.max_pool1d(r, 2, 1) + F.avg_pool1d(r, 4, 1, 1)
    return {"glu": F.glu(total.amax(dim=2, keepdim=True).flatten(1), dim=-1)}


def video(p, x, training):
    x = temporal_shift(x["clip"], 4)
    c = conv(p, "c", x, stride=(1, 2, 2), padding=(0, 1, 1), groups=2, dims=3)
    r = F.relu(batch_norm(p, "bn", c, training))
    fc = linear(p, "fc", r.mean(dim=(2, 3, 4), keepdim=True).flatten(1))
    return {"glu": F.glu(fc, dim=-1)}


def transformer(p, x, training):
    table = p["es/weight"]
    es = F.embedding(x["source"].long(), table)
    sa = F.layer_norm(attention(p, "sa", es, es, 2, 3) + es, (8,), p["sa.norm/weight"],
                      p["sa.norm/bias"], EPS)
    et = F.embedding(x["target"].long(), table)
    ca0 = attention(p, "ca0", et, et, 2, 4)
    ln = F.layer_norm(attention(p, "ca", ca0, sa, 2, 4) + ca0, (8,), eps=EPS)
    f = linear(p, "f2", F.gelu(linear(p, "f1", ln)))
    return {"sm": torch.softmax(F.linear(f, table), dim=-1)}


def params(spec):
    p = {}
    for name, shape in spec.items():
        if name.endswith("running_var"):
            p[name] = torch.rand(shape) + 0.5
        elif name.endswith("running_mean"):
            p[name] = torch.randn(shape) * 0.1
        else:
            p[name] = torch.randn(shape) * 0.5
    return p


def linear_spec(name, n_in, n_out, bias=True):
    spec = {name + "/weight": (n_out, n_in)}
    if bias:
        spec[name + "/bias"] = (n_out,)
    return spec


def bn_spec(name, c):
    return {name + "/weight": (c,), name + "/bias": (c,), name + "/running_mean": (c,),
            name + "/running_var": (c,)}


def attention_spec(name, d, inner, bias):
    spec = {}
    for part in ("q", "k", "v"):
        spec.update(linear_spec(name + "/" + part, d, inner, bias))
    spec.update(linear_spec(name + "/out", inner, d, bias))
    return spec


NETWORKS = {
    "cnn": (cnn, {"image": (3, 9, 9)}, {
        "c1/weight": (8, 3, 3, 3), "c1/bias": (8,), **bn_spec("bn1", 8),
        "c2/weight": (8, 4, 3, 3), "dw/weight": (16, 1, 3, 3), **bn_spec("bn2", 16),
        **linear_spec("se/reduce", 16, 4), **linear_spec("se/expand", 4, 16),
        "c3/weight": (16, 16, 1, 1), "c3/bias": (16,), **linear_spec("fc", 32, 10),
        **bn_spec("bn3", 10)}),
    "seq": (seq, {"signal": (8, 10)}, {
        "c/weight": (6, 4, 3), "c/bias": (6,), "in/weight": (6,), "in/bias": (6,)}),
    "video": (video, {"clip": (8, 4, 5, 5)}, {
        "c/weight": (4, 4, 1, 3, 3), "c/bias": (4,), **bn_spec("bn", 4),
        **linear_spec("fc", 4, 6)}),
    "transformer": (transformer, {"source": (5,), "target": (4,)}, {
        "es/weight": (11, 8), **attention_spec("sa", 8, 6, True),
        "sa.norm/weight": (8,), "sa.norm/bias": (8,), **attention_spec("ca0", 8, 8, False),
        **attention_spec("ca", 8, 8, True), **linear_spec("f1", 8, 16),
        **linear_spec("f2", 16, 8)}),
}


def main():
    entries = {}
    for network, (forward, inputs, spec) in NETWORKS.items():
        p32 = params(spec)
        x32 = {}
        for name, shape in inputs.items():
            if len(shape) == 1:
                x32[name] = torch.randint(0, 11, (3,) + shape).float()
            else:
                x32[name] = torch.randn((3,) + shape)
        for name, value in p32.items():
            entries["param:%s:%s" % (network, name)] = value
        for name, value in x32.items():
            entries["input:%s:%s" % (network, name)] = value
        p = {k: v.double() for k, v in p32.items()}
        x = {k: v.double() for k, v in x32.items()}
        with torch.no_grad():
            for name, value in forward(p, x, False).items():
                entries["inference:%s:%s" % (network, name)] = value
        for name, value in p.items():
            if "running" not in name:
                value.requires_grad_(True)
        outputs = forward(p, x, True)
        loss = 0
        for name, value in outputs.items():
            r = torch.randn(value.shape, dtype=torch.float64)
            entries["r:%s:%s" % (network, name)] = r
            entries["training:%s:%s" % (network, name)] = value.detach()
            loss = loss + (value * r).sum()
        loss.backward()
        for name, value in p.items():
            if "running" in name:
                entries["running:%s:%s" % (network, name)] = value
            else:
                entries["grad:%s:%s" % (network, name)] = value.grad
    with zipfile.ZipFile("reference.zip", "w", zipfile.ZIP_DEFLATED) as z:
        for name, value in entries.items():
            buffer = io.BytesIO()
            np.save(buffer, value.detach().numpy().astype("<f4"))
            z.writestr(name + ".npy", buffer.getvalue())


main()
