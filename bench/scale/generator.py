"""The scale dataset: every collection from one seeded random generator, and its files."""

import json
import random
import shutil
import time
from pathlib import Path

from .interviews import InterviewData
from .reference import ReferenceData
from .roles import RoleData
from .vocabulary import CHUNKS, TECH, WORDS


class Generator(ReferenceData, RoleData, InterviewData):
    """Builds every collection from one seeded random generator, in a fixed order."""

    def __init__(self, *, scale: float, seed: int):
        self.scale, self.seed = scale, seed
        self.rng = random.Random(seed)
        self.collections: dict[str, list[dict]] = {}

    # Text of varied length, shaped like the seed fixtures' prose.
    def sentence(self, low: int = 6, high: int = 20) -> str:
        rng = self.rng
        words = [
            rng.choice(TECH) if rng.random() < 0.15 else rng.choice(WORDS)
            for _ in range(rng.randint(low, high))
        ]
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def prose(self, low: int, high: int) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(low, high)))

    def source(self) -> str:
        return self.rng.choice(self.source_slugs)

    def build(self) -> dict[str, list[dict]]:
        self._sources()
        self._reference()
        self._geography()
        self._skills()
        self._roles()
        self._ladders()
        self._bands()
        self._interviews()
        self._questions()
        return self.collections


# Which file each collection goes to; the split collections get numbered parts.
LAYOUT = {
    "sources": "reference/sources.json",
    "families": "reference/companies.json",
    "companies": "reference/companies.json",
    "currencies": "reference/geography.json",
    "regions": "reference/geography.json",
    "exchange_rates": "reference/exchange-rates.json",
    "skills": "catalogue/skills.json",
    "roles": "roles/roles-{part:03d}.json",
    "ladders": "ladders/ladders.json",
    "salary_bands": "salary-bands/salary-bands-{part:03d}.json",
    "competencies": "interviews/competencies.json",
    "topics": "interviews/topics.json",
    "interview_processes": "interviews/processes.json",
    "questions": "questions/questions-{part:03d}.json",
}


def dataset_files(collections: dict[str, list[dict]]) -> dict[str, dict[str, list[dict]]]:
    """File name -> the collections it holds, big collections split into parts."""
    files: dict[str, dict[str, list[dict]]] = {}
    for name, items in collections.items():
        size = CHUNKS.get(name, len(items) or 1)
        for part, start in enumerate(range(0, len(items), size), start=1):
            file = LAYOUT[name].format(part=part)
            files.setdefault(file, {})[name] = items[start : start + size]
    return files


def write_dataset(out: Path, *, scale: float, seed: int) -> dict:
    """Generate the dataset into `out` (replacing what was there); return a summary."""
    started = time.perf_counter()
    collections = Generator(scale=scale, seed=seed).build()
    if out.exists():
        shutil.rmtree(out)
    written = {}
    for name, content in dataset_files(collections).items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
        path.write_bytes(data)
        written[name] = len(data)
    return {
        "counts": {name: len(items) for name, items in collections.items()},
        "levels": sum(len(ladder["levels"]) for ladder in collections["ladders"]),
        "files": written,
        "seconds": time.perf_counter() - started,
    }
