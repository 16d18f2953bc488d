from exambank.cli import run

run()
