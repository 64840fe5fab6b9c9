import asyncio
import sys

from services.scorer.server import main
from shared.config import Settings

sys.exit(asyncio.run(main(Settings.from_env())))
