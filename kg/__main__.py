"""``python -m kg`` runs the ``peacekg`` command."""

from kg.cli import main

main()
