"""The matcher's state split by story: one ClaimIndex per story key, so claims are matched only
within their story. Stories are independent, so any split of them across partitions and instances
gives the same clusters as one instance holding them all. Plain domain code."""

from __future__ import annotations

from typing import Any

from shared.pb import claim_pb2, match_pb2

from .matching import DEFAULT_THRESHOLD, DEFAULT_WINDOW_SECONDS, ClaimIndex, SimilarHit


# How often (in placed claims) stories that went quiet are looked for.
QUIET_CHECK_EVERY = 1024


class StoryIndexes:
    def __init__(self, threshold: float = DEFAULT_THRESHOLD, **index_options: Any) -> None:
        self.threshold = threshold
        self._options = index_options
        self._by_story: dict[str, ClaimIndex] = {}
        self._placed = 0

    def _index(self, story_key: str) -> ClaimIndex:
        index = self._by_story.get(story_key)
        if index is None:
            index = self._by_story[story_key] = ClaimIndex(threshold=self.threshold, **self._options)
        return index

    def place(self, claim: claim_pb2.Claim) -> match_pb2.ClaimMatch:
        match = self._index(claim.story_key).place(claim)
        self._placed += 1
        if self._placed % QUIET_CHECK_EVERY == 0:
            self._expire_quiet_stories()
        return match

    def _expire_quiet_stories(self) -> None:
        """A story's index evicts old claims only when the story gets a new one, so a story that
        went quiet would keep its claims for ever. Every index is aged to one window behind the
        newest claim of any story, so a story quiet for two windows empties and is dropped: a claim
        it could still match would have to arrive more than a window late (and stories on other
        partitions would have to be that far ahead), so this changes no placement in practice, and
        memory follows the live stories."""
        window = self._options.get("window_seconds", DEFAULT_WINDOW_SECONDS)
        clock = max(index.newest for index in self._by_story.values()) - window
        for story, index in list(self._by_story.items()):
            index.expire(clock)
            if not len(index):
                del self._by_story[story]

    def get(self, claim_id: str) -> match_pb2.ClaimMatch | None:
        for index in self._by_story.values():
            found = index.get(claim_id)
            if found is not None:
                return found
        return None

    def add_unmatched(self, claim: claim_pb2.Claim) -> None:
        """ClaimIndex.add_unmatched in the claim's story (bulk loading for benchmarks)."""
        self._index(claim.story_key).add_unmatched(claim)

    def story(self, story_key: str) -> ClaimIndex | None:
        """The index of one story (benchmarks reach its blocking step through it)."""
        return self._by_story.get(story_key)

    def find_similar(self, claim: claim_pb2.Claim, limit: int = 10, min_score: float = 0.0) -> list[SimilarHit]:
        """The most similar claims of every story this instance holds, ranked as one list in the
        order each story's index gives (SimilarHit.order), so the results for a limit start the
        results for a larger one here too."""
        found = [hit for index in self._by_story.values() for hit in index.find_similar(claim, limit, min_score)]
        found.sort(key=SimilarHit.order)
        return found[:limit]

    def __len__(self) -> int:
        return sum(len(index) for index in self._by_story.values())

    @property
    def stories(self) -> int:
        return len(self._by_story)
