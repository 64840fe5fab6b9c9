import asyncio
import sys

from services.extractor.server import main
from shared.config import Settings

sys.exit(asyncio.run(main(Settings.from_env())))
