"""Imports every module that registers chat commands. One line per module."""
