"""Imported by its sibling main.py as a top-level module: only found if the script's folder is sys.path[0]."""

VALUE = "helper of app"
