"""Sample articles shipped with claimcheck (written for the project)."""
