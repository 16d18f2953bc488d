from exambank.entry import run

run()
