"""claimcheck services."""
