"""Write a synthetic bank of any size, shaped like the seed bank, for benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

WORDS = [
    "model",
    "training",
    "endpoint",
    "latency",
    "payload",
    "feature",
    "store",
    "pipeline",
    "bias",
    "drift",
    "label",
    "dataset",
    "tuning",
    "metric",
    "inference",
    "batch",
    "serverless",
    "registry",
    "approval",
    "experiment",
    "notebook",
    "cluster",
    "instance",
    "storage",
    "bucket",
    "role",
    "policy",
    "governance",
    "lineage",
    "explainability",
    "monitor",
    "quality",
    "threshold",
    "accuracy",
    "recall",
    "precision",
    "throughput",
    "cost",
    "region",
    "account",
    "workflow",
    "container",
    "image",
    "algorithm",
    "regression",
    "classification",
    "embedding",
    "prompt",
    "token",
    "agent",
]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:]


def _question(rng: random.Random, section: int, number: int) -> str:
    key = rng.choice("ABCD")
    options = []
    for letter in "ABCD":
        text = _sentence(rng, rng.randint(2, 9))
        if rng.random() < 0.3:
            options.append(
                f"      {letter}:\n        text: {text}\n        feedback: {_sentence(rng, 6)}"
            )
        else:
            options.append(f"      {letter}: {text}")
    first, second = rng.choice(WORDS), rng.choice(WORDS)
    tags = first if first == second else f"{first}, {second}"  # a tag given twice is an error
    return (
        f"  - id: s{section}-q{number}\n"
        f"    stem: {_sentence(rng, rng.randint(12, 40))}?\n"
        f"    options:\n" + "\n".join(options) + "\n"
        f"    answer: {key}\n"
        f"    explanation: {_sentence(rng, rng.randint(15, 45))}.\n"
        f"    tags: [{tags}]\n"
        f"    difficulty: {rng.choice(['easy', 'medium', 'hard'])}\n"
    )


def generate_bank(root: Path, questions: int, per_file: int = 100, seed: int = 7) -> Path:
    """A bank of ``questions`` questions in files of ``per_file``; same seed, same bytes."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    section_ids = []
    for section in range((questions + per_file - 1) // per_file):
        section_id = f"s{section}"
        section_ids.append(section_id)
        count = min(per_file, questions - section * per_file)
        body = "".join(_question(rng, section, n) for n in range(count))
        (root / f"{section:03d}-{section_id}.yaml").write_text(
            f"id: {section_id}\ntitle: Section {section}\n"
            f"summary: {_sentence(rng, 30)}.\nquestions:\n{body}",
            encoding="utf-8",
        )
    listing = "".join(f"  - {section_id}\n" for section_id in section_ids)
    (root / "bank.yaml").write_text(
        f"id: generated\ntitle: Generated bank\nsections:\n{listing}", encoding="utf-8"
    )
    return root
