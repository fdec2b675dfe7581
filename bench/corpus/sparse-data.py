#!/usr/bin/env python3
"""Tiny synthetic data in libsvm's sparse format ("+1 1:0.5 2:-0.3 ..."), which libsvm and
liblinear both read: 2 classes, 8 features of which the first 3 separate them.
    sparse-data.py FOLDER   writes FOLDER/train.txt (300 rows) and FOLDER/test.txt (100 rows)"""
import os
import random
import sys


def rows(n):
    out = []
    for _ in range(n):
        y = random.choice([-1, 1])
        feats = [random.gauss(0.8 * y if j < 3 else 0.0, 1.0) for j in range(8)]
        out.append(("+1" if y > 0 else "-1") + " " +
                   " ".join(f"{j+1}:{v:.4f}" for j, v in enumerate(feats)))
    return "\n".join(out) + "\n"


folder = sys.argv[1]
os.makedirs(folder, exist_ok=True)
random.seed(1)
with open(os.path.join(folder, "train.txt"), "w") as f:
    f.write(rows(300))
with open(os.path.join(folder, "test.txt"), "w") as f:
    f.write(rows(100))
