from ipt_journal.entry import main

main()
