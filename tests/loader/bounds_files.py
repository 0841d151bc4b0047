"""Files beyond the loader's bounds, for tests/loader/test_bounds.py and the production
test that runs `load_dataset` on them as a real process."""


def alias_bomb(levels: int = 8, width: int = 10) -> str:
    """`levels` anchors, each a list of `width` aliases of the one before: width**levels
    strings once expanded, in a few hundred bytes."""
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for level in range(1, levels + 1):
        aliases = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    lines.append(f"topics: *a{levels}")
    return "\n".join(lines) + "\n"


def padded_skills(size: int) -> str:
    """A valid skills file of exactly `size` bytes (a comment pads it)."""
    body = "skills:\n  - {slug: padded, name: Padded, category: tool}\n"
    return body + "#" * (size - len(body) - 1) + "\n"
