"""Claim extraction: sentence splitting, claim analysis and check-worthiness (no grpc/kafka here)."""
