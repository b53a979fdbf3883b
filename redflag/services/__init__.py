"""Services shared by the CLI and the UI: they wire crawler/, nlp/ and graph/ together."""
