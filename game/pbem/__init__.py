"""Play by e-mail: two players, two homes, turn files between them.

keys and records: store.py; crypto: crypto.py (PyNaCl, imported only when
used); turn files: turnfile.py; the chain of files and the replay of turns:
chain.py; dice no file can forecast: dice.py; a shared folder: watch.py;
the command line: cli.py.
"""
