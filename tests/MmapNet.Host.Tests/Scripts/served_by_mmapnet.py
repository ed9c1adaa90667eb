"""Under mmapnet-host, `import mmap` is mmapnet, loaded by the host, and pythonnet's clr is there."""
import sys

import mmap
import mmapnet

print("mmap is mmapnet", mmap is mmapnet)
print("backend", mmapnet.__backend__)
print("clr in sys.modules", "clr" in sys.modules)
