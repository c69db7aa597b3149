"""Editor tools: scaffolds, archiving reports, drafting year files and scoring drafts."""
