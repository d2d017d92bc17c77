from talkwatch.cli import main

main()
