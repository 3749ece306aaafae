"""Write a deterministic benchmark corpus: N Markdown posts with images and internal links.

The prose is generated from small word lists and sentence templates with a seeded random
generator, so the same (N, seed) always yields byte-identical files. Posts are 600-1200 words,
have 2-5 tags, one of six categories, one of three authors, a summary, some an ``Image:`` and an
inline picture (a handful of generated PNGs reused), and links to earlier posts via Pelican's
``{filename}`` syntax so the link resolver has real work to do.

Usage: ``python -m benchmarks.corpus N DIR [--seed S]``
"""

import argparse
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

AUTHORS = ("Amara Okafor", "Lukas Brandt", "Priya Raman")
CATEGORIES = ("Leadership", "Community", "Product", "Culture", "Engineering", "Customers")
TAGS = (
    "listening", "feedback", "culture", "hiring", "remote", "forums", "roadmap", "trust",
    "meetings", "writing", "onboarding", "support", "metrics", "strategy", "teams", "open",
    "quarterly", "events", "moderation", "transparency", "customers", "growth", "mentoring",
    "rituals", "decisions", "values", "newsletter", "retros", "planning", "ethics",
)  # fmt: skip
NOUNS = (
    "team", "question", "forum", "customer", "roadmap", "meeting", "thread", "decision",
    "manager", "community", "reply", "promise", "quarter", "conversation", "leader", "memo",
    "budget", "story", "answer", "mistake", "office", "channel", "review", "newsletter",
    "engineer", "habit", "plan", "signal", "detail", "release", "debate", "commitment",
)  # fmt: skip
VERBS = (
    "answers", "shapes", "changes", "invites", "tests", "earns", "explains", "builds",
    "questions", "protects", "slows", "opens", "rewards", "reveals", "weakens", "follows",
)  # fmt: skip
ADJECTIVES = (
    "honest", "quiet", "public", "difficult", "small", "open", "careful", "late", "useful",
    "candid", "messy", "clear", "patient", "early", "shared", "awkward", "steady", "generous",
)  # fmt: skip
ADVERBS = ("rarely", "often", "slowly", "usually", "quietly", "openly", "finally", "always")
OPENERS = (
    "In practice", "Last spring", "Over time", "To be fair", "More often than not",
    "Looking back", "Every quarter", "In my experience", "At first",
)  # fmt: skip
TEMPLATES = (
    "The {adj} {noun} {verb} the {noun2}.",
    "{opener}, a {adj} {noun} {adv} {verb} every {noun2} we ship.",
    "Nobody expects the {noun} to be {adj}, yet it {adv} {verb} the {adj2} {noun2}.",
    "When a {noun} {verb} the {noun2}, the {adj} part is what happens next.",
    "{opener}, I learned that a {adj} {noun} {verb} more than any {noun2}.",
    "Ask the {noun} what {verb} the {noun2}, and listen to the {adj} answer.",
    "A {adj} {noun} is not a {adj2} {noun2}; it {adv} {verb} the room.",
)
HEADINGS = (
    "What changed", "Why it matters", "What we tried first", "The hard part",
    "What I would do again", "Questions worth asking", "A small experiment", "Where it broke",
)  # fmt: skip
#: (file name, colour) of the reused images; 1200x630 so they qualify as social images.
IMAGES = (
    ("square-amber.png", (232, 170, 66)),
    ("square-teal.png", (38, 138, 140)),
    ("square-plum.png", (122, 66, 120)),
    ("square-slate.png", (72, 84, 102)),
    ("square-moss.png", (96, 128, 70)),
)
START = datetime(2019, 1, 7, 9, 0)


def sentence(rng):
    """One English-like sentence from a random template."""
    text = rng.choice(TEMPLATES).format(
        adj=rng.choice(ADJECTIVES),
        adj2=rng.choice(ADJECTIVES),
        noun=rng.choice(NOUNS),
        noun2=rng.choice(NOUNS),
        verb=rng.choice(VERBS),
        adv=rng.choice(ADVERBS),
        opener=rng.choice(OPENERS),
    )
    return _articles(text[0].upper() + text[1:])


def paragraph(rng, words_wanted):
    """Sentences until about words_wanted words; returns (text, words written)."""
    sentences, words = [], 0
    while words < words_wanted:
        text = sentence(rng)
        sentences.append(text)
        words += len(text.split())
    return " ".join(sentences), words


TITLES = (
    "Why the {adj} {noun} matters",
    "What a {adj} {noun} taught me",
    "The {noun} nobody asked for",
    "How we made the {noun} {adj}",
    "A {adj} {noun}, a {adj2} {noun2}",
)


def title(rng):
    """A headline-like title."""
    text = rng.choice(TITLES).format(
        adj=rng.choice(ADJECTIVES),
        adj2=rng.choice(ADJECTIVES),
        noun=rng.choice(NOUNS),
        noun2=rng.choice(NOUNS),
    )
    return _articles(text[0].upper() + text[1:])


def _articles(text):
    """Use "an" before a vowel, as English does."""
    return re.sub(r"\b([Aa]) (?=[aeiou])", r"\1n ", text)


def post(rng, index, slugs):
    """Markdown source (str) of post number index; slugs are the earlier posts' file names."""
    target = rng.randint(600, 1200)
    date = START + timedelta(days=index, hours=rng.randint(0, 8), minutes=rng.randint(0, 59))
    tags = rng.sample(TAGS, rng.randint(2, 5))
    summary = sentence(rng)  # one sentence: stays under the 200-character snippet limit
    meta = [
        f"Title: {title(rng)} {index}",
        f"Date: {date:%Y-%m-%d %H:%M}",
        f"Category: {rng.choice(CATEGORIES)}",
        f"Tags: {', '.join(tags)}",
        f"Author: {rng.choice(AUTHORS)}",
        f"Slug: post-{index:05d}",
        f"Summary: {summary}",
    ]
    has_image = rng.random() < 0.4
    if has_image:
        image = rng.choice(IMAGES)[0]
        meta += [f"Image: images/{image}", "Image_alt: A plain colour block used as a cover."]
    body, words = [], 0
    while words < target:
        if body and rng.random() < 0.25:
            body.append(f"## {rng.choice(HEADINGS)}")
        text, count = paragraph(rng, rng.randint(50, 110))
        if slugs and rng.random() < 0.3:
            other = rng.choice(slugs[-200:])
            text += f" I wrote about this [in an earlier post]({{filename}}/posts/{other})."
        body.append(text)
        words += count
    if has_image:
        body.insert(1, f"![A plain colour block]({{static}}/images/{image})")
    return "\n".join(meta) + "\n\n" + "\n\n".join(body) + "\n"


def write_images(folder):
    """Write the reused PNG files (a colour field with a lighter band)."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    for name, colour in IMAGES:
        picture = Image.new("RGB", (1200, 630), colour)
        light = tuple(min(255, c + 60) for c in colour)
        ImageDraw.Draw(picture).rectangle((0, 420, 1200, 500), fill=light)
        picture.save(folder / name, optimize=True)


def generate(count, folder, seed=2026):
    """Write count posts into folder/posts and the images into folder/images; return folder."""
    folder = Path(folder)
    posts = folder / "posts"
    posts.mkdir(parents=True, exist_ok=True)
    write_images(folder / "images")
    rng = random.Random(seed)
    slugs = []
    for index in range(count):
        name = f"post-{index:05d}.md"
        (posts / name).write_text(post(rng, index, slugs), encoding="utf-8")
        slugs.append(name)
    return folder


def main(argv=None):
    """CLI entry point."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__)
    parser.add_argument("count", type=int, help="number of posts")
    parser.add_argument("folder", help="where to write posts/ and images/")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("count must be at least 1")
    generate(args.count, args.folder, args.seed)
    print(f"corpus: wrote {args.count} posts into {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
