"""A second language as files: editions under /<language>/, translation units that remember the
English they were made from, a language switch, and search that segments Chinese words."""
