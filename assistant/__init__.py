"""stdraft: a drafting assistant for GB/T, GB/Z and ISO/IEC standards."""

__version__ = "0.1.0"
