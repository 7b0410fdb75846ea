"""The engine's stages: retrieve, place, explain (align, diff, classify) and judge."""
