"""Nothing from content runs as script or loads from elsewhere: the sanitizer, the page's CSP."""
