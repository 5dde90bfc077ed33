from ipt_journal.cli import main

main()
