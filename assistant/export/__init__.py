"""Export to Word: GB/T 1.1 layout (docx_writer), tracked changes (revisions), rendering (render)."""
