"""Documents: every reader turns a file into one Document of blocks with exact offsets."""
from .model import Block, Document, Run

__all__ = ["Block", "Document", "Run"]
