"""`python -m volte`: the same as the `volte` command."""

from volte.cli import main

if __name__ == "__main__":
    main()
