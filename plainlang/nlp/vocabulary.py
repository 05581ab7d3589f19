"""Which distinct words of a document pass a test that depends on the word alone, answered once
per word for the whole run: only words never seen before are tested; set operations do the rest."""
from __future__ import annotations

BOUND = 500_000  # endless odd input must not grow the sets without limit; they refill as needed


class PassingWords:
    def __init__(self, test):
        self.test = test            # (token, ctx) → bool, for a token that stands for its text
        self.seen: set[str] = set()
        self.passed: set[str] = set()

    def __call__(self, ctx) -> set:
        """The texts of ctx.vocabulary whose token passes the test."""
        if len(self.seen) > BOUND:
            self.seen.clear()
            self.passed.clear()
        texts = ctx.vocabulary_set
        new = texts - self.seen
        if new:
            vocabulary = ctx.vocabulary
            self.passed.update(text for text in new if self.test(vocabulary[text][0], ctx))
            self.seen |= new
        return self.passed & texts
